package io.shardhome.bench.links;

import io.shardhome.links.testing.MariaDbSite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The workloads of the link-versus-native benchmark (issue 18), each loaded at a source master by several
 * concurrent clients (as an application's connection pool would, so the binlog has real commit groups for
 * MariaDB's conservative parallel replication to use):
 *
 * <ul>
 *   <li>{@code insert}: 10 single-row INSERT statements per transaction into a 4-column table, round robin
 *       over the shards (the workload of issue 4);
 *   <li>{@code mixed}: sysbench {@code oltp_write_only}-like, 4 statements per transaction on one row of
 *       one shard's {@code sbtest} (UPDATE of the indexed {@code k} by key, UPDATE of {@code c} by key,
 *       DELETE by key, INSERT of the same key), shards uniform;
 *   <li>{@code skewed}: the same statements, 80% of the transactions on 2 of the shards.
 * </ul>
 *
 * Clients never write the same row (each owns the keys congruent to its number), so the load has no
 * deadlocks; a deadlock or lock wait timeout is retried all the same.
 */
enum BenchWorkload {
    INSERT,
    MIXED,
    SKEWED;

    static final int ROWS_PER_SHARD = 10_000;
    private static final int INSERT_ROWS_PER_TX = 10;

    static BenchWorkload named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    String label() {
        return switch (this) {
            case INSERT -> "insert-only (10 rows/tx)";
            case MIXED -> "mixed oltp_write_only-like (4 statements/tx, 16 shards)";
            case SKEWED -> "skewed mixed (80% of tx on 2 of 16 shards)";
        };
    }

    /**
     * Commits {@code transactions} transactions with {@code clients} clients at {@code source}, whose tables
     * {@link #createTables} made.
     */
    void load(MariaDbSite source, List<String> shards, int transactions, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int me = client;
                int share = transactions / clients + (me < transactions % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    runClient(source, shards, me, clients, share);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Drops every user schema at {@code site}, then creates the shards' tables and their starting rows
     * there without writing the binlog, so that a source and its targets start equal and the timed binlog
     * range holds only the workload's transactions.
     */
    void createTables(MariaDbSite site, List<String> shards) {
        site.dropUserSchemas();
        for (String shard : shards) {
            if (this == INSERT) {
                site.execute(
                        "SET sql_log_bin=0",
                        "CREATE DATABASE " + shard,
                        "CREATE TABLE " + shard + ".events (id BIGINT PRIMARY KEY, account INT NOT NULL,"
                                + " amount DECIMAL(12,2), note VARCHAR(32))");
            } else {
                site.execute(
                        "SET sql_log_bin=0",
                        "CREATE DATABASE " + shard,
                        "CREATE TABLE " + shard + ".sbtest (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL,"
                                + " pad CHAR(60) NOT NULL, KEY k_1 (k))",
                        "INSERT INTO " + shard + ".sbtest SELECT seq, seq, REPEAT('c', 119), REPEAT('p', 59) FROM "
                                + shard + ".seq_1_to_" + ROWS_PER_SHARD);
            }
        }
    }

    private void runClient(MariaDbSite source, List<String> shards, int client, int clients, int transactions)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(42 + client);
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            for (int tx = 0; tx < transactions; tx++) {
                long serial = (long) tx * clients + client;
                String shard = pickShard(shards, random, serial);
                int key = client + 1 + clients * random.nextInt(ROWS_PER_SHARD / clients);
                while (true) {
                    try {
                        transaction(c, shard, serial, key);
                        c.commit();
                        break;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!"40001".equals(e.getSQLState()) && e.getErrorCode() != 1205) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    private String pickShard(List<String> shards, SplittableRandom random, long serial) {
        return switch (this) {
            case INSERT -> shards.get((int) (serial % shards.size()));
            case MIXED -> shards.get(random.nextInt(shards.size()));
            case SKEWED ->
                random.nextInt(100) < 80
                        ? shards.get(random.nextInt(2))
                        : shards.get(2 + random.nextInt(shards.size() - 2));
        };
    }

    private void transaction(Connection c, String shard, long serial, int key) throws SQLException {
        if (this == INSERT) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + shard + ".events VALUES (?,?,?,?)")) {
                for (int r = 0; r < INSERT_ROWS_PER_TX; r++) {
                    long id = serial * INSERT_ROWS_PER_TX + r;
                    s.setLong(1, id);
                    s.setInt(2, (int) (id % 1000));
                    s.setBigDecimal(3, java.math.BigDecimal.valueOf(id % 100_000, 2));
                    s.setString(4, "n" + id);
                    s.executeUpdate();
                }
            }
            return;
        }
        execute(c, "UPDATE " + shard + ".sbtest SET k = k + 1 WHERE id = ?", key);
        execute(c, "UPDATE " + shard + ".sbtest SET c = REPEAT(CHAR(97 + ? % 26), 119) WHERE id = ?", key, key);
        execute(c, "DELETE FROM " + shard + ".sbtest WHERE id = ?", key);
        execute(c, "INSERT INTO " + shard + ".sbtest VALUES (?, ?, REPEAT('n', 119), REPEAT('q', 59))", key, key);
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
