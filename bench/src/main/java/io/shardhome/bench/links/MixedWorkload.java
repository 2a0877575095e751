package io.shardhome.bench.links;

import io.shardhome.links.testing.MariaDbSite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sysbench {@code oltp_write_only}-like load over shards: a table {@code sbtest} per shard (primary key,
 * an indexed {@code k}, CHAR columns), 1,000 rows each, then transactions of four statements on one shard:
 * UPDATE of the indexed column by key, UPDATE of a CHAR column by key, DELETE by key and INSERT of the
 * same key.
 */
final class MixedWorkload {
    static final int ROWS_PER_SHARD = 1_000;

    private MixedWorkload() {}

    static void load(MariaDbSite source, List<String> shards, int transactions) throws SQLException {
        for (String shard : shards) {
            source.execute(
                    "CREATE DATABASE " + shard,
                    "CREATE TABLE " + shard + ".sbtest (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL,"
                            + " pad CHAR(60) NOT NULL, KEY k_1 (k))",
                    "INSERT INTO " + shard + ".sbtest SELECT seq, seq, REPEAT('c', 119), REPEAT('p', 59) FROM " + shard
                            + ".seq_1_to_" + ROWS_PER_SHARD);
        }
        SplittableRandom random = new SplittableRandom(42);
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            for (int tx = 0; tx < transactions; tx++) {
                String shard = shards.get(tx % shards.size());
                int id = 1 + random.nextInt(ROWS_PER_SHARD);
                execute(c, "UPDATE " + shard + ".sbtest SET k = k + 1 WHERE id = ?", id);
                execute(c, "UPDATE " + shard + ".sbtest SET c = REPEAT(CHAR(97 + ? % 26), 119) WHERE id = ?", id, id);
                execute(c, "DELETE FROM " + shard + ".sbtest WHERE id = ?", id);
                execute(c, "INSERT INTO " + shard + ".sbtest VALUES (?, ?, REPEAT('n', 119), REPEAT('q', 59))", id, id);
                c.commit();
            }
        }
    }

    private static void execute(Connection c, String sql, int... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setInt(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
