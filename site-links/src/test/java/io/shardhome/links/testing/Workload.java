package io.shardhome.links.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A simple replicated workload for tests and benchmarks: shards with one table {@code rows(id PK, shard_seq,
 * payload)}, filled with multi-row transactions spread round-robin over the shards, with some updates
 * and deletes mixed in.
 */
public final class Workload {
    private Workload() {}

    /** Creates each shard schema and its table at {@code site}. */
    public static void createShards(MariaDbSite site, List<String> shards) {
        for (String shard : shards) {
            site.execute(
                    "CREATE DATABASE " + shard,
                    "CREATE TABLE " + shard + ".rows (id BIGINT PRIMARY KEY,"
                            + " shard_seq INT NOT NULL, payload VARCHAR(64), updated TINYINT NOT NULL DEFAULT 0)");
        }
    }

    /**
     * Commits {@code transactions} transactions of {@code rowsPerTx} inserts each at {@code site}; every
     * fifth transaction also updates and every seventh deletes an earlier row of its shard.
     */
    public static void load(MariaDbSite site, List<String> shards, int transactions, int rowsPerTx) {
        load(site, shards, 0, transactions, rowsPerTx);
    }

    /** As {@link #load(MariaDbSite, List, int, int)}, numbering transactions (and row ids) from {@code firstTx}. */
    public static void load(MariaDbSite site, List<String> shards, int firstTx, int transactions, int rowsPerTx) {
        try (Connection c = site.connect()) {
            c.setAutoCommit(false);
            for (int tx = firstTx; tx < firstTx + transactions; tx++) {
                String shard = shards.get(tx % shards.size());
                insert(c, shard, tx, rowsPerTx);
                if (tx % 5 == 4) {
                    update(c, shard, (long) (tx - shards.size()) * rowsPerTx);
                }
                if (tx % 7 == 6) {
                    delete(c, shard, (long) (tx - 2L * shards.size()) * rowsPerTx + 1);
                }
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("workload failed at " + site.site() + ": " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, String shard, int tx, int rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO " + shard + ".rows (id, shard_seq, payload) VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ",").append("(?,?,?)");
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int r = 0; r < rows; r++) {
                s.setLong(p++, (long) tx * rows + r);
                s.setInt(p++, tx);
                s.setString(p++, "payload-" + tx + "-" + r);
            }
            s.executeUpdate();
        }
    }

    private static void update(Connection c, String shard, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + shard + ".rows SET updated=updated+1 WHERE id=?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private static void delete(Connection c, String shard, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + shard + ".rows WHERE id=?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
