package io.shardhome.service.reseed;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.consistency.Snapshots;
import io.shardhome.service.consistency.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The copy half of a re-seed: the shard's schema and rows at the home at one GTID g, rebuilt at the copy
 * without being logged there ({@code sql_log_bin=0}: no echo to other sites, no wrong-master stop). The home
 * is read by parallel sessions at one snapshot ({@link Snapshots#atHome}), tables spread over them, largest
 * first; views, triggers, routines and events are created after the rows. Not thread-safe; one per re-seed.
 */
final class ReseedCopy {
    private static final int SCHEMA_ATTEMPTS = 5;

    /** Told as rows arrive: rows copied so far and the home's estimate of all. */
    interface Progress {
        void rows(long copied, long estimated);
    }

    private final SiteEndpoint home;
    private final SiteEndpoint copy;
    private final int workers;

    ReseedCopy(SiteEndpoint home, SiteEndpoint copy, int workers) {
        this.home = home;
        this.copy = copy;
        this.workers = workers;
    }

    /** What was copied: the GTID position g of the home it was copied at, tables and rows. */
    record Copied(GtidSet gtid, int tables, long rows) {}

    Copied run(List<String> shards, Progress progress) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Map<String, ShardSchema> before;
            try (Connection c = Snapshots.open(home)) {
                before = schemas(c, shards);
            }
            try (Snapshots.AtHome atHome = Snapshots.atHome(home, workers)) {
                Map<String, ShardSchema> schemas = schemas(atHome.sessions().get(0), shards);
                if (schemas.equals(before)) {
                    return copyAt(atHome, shards, schemas, progress);
                }
            }
            if (attempt == SCHEMA_ATTEMPTS) {
                throw new SQLException("the schema of " + shards + " at " + home + " changed during each of "
                        + SCHEMA_ATTEMPTS + " attempts to copy it at one point; re-seed when its DDL has stopped");
            }
        }
    }

    /** Each shard's schema at the home; a shard without a schema there maps to null. */
    private static Map<String, ShardSchema> schemas(Connection c, List<String> shards) throws SQLException {
        Map<String, ShardSchema> schemas = new java.util.LinkedHashMap<>();
        for (String shard : shards) {
            schemas.put(shard, ShardSchema.exists(c, shard) ? ShardSchema.read(c, shard) : null);
        }
        return schemas;
    }

    private Copied copyAt(
            Snapshots.AtHome atHome, List<String> shards, Map<String, ShardSchema> schemas, Progress progress)
            throws SQLException, InterruptedException {
        List<Connection> copies = new ArrayList<>();
        try {
            for (int i = 0; i < atHome.sessions().size(); i++) {
                copies.add(copySession());
            }
            for (Connection c : atHome.sessions()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION character_set_results = NULL"); // the stored bytes, unconverted
                }
            }
            List<TableShape> shapes = new ArrayList<>();
            Map<String, long[]> sizes = new java.util.HashMap<>();
            for (String shard : shards) {
                ShardSchema schema = schemas.get(shard);
                if (schema == null) {
                    ShardSchema.drop(copies.get(0), shard); // the home has none at g: neither has the copy
                    continue;
                }
                schema.createTables(copies.get(0));
                shapes.addAll(TableShape.read(atHome.sessions().get(0), shard).values());
                sizes(atHome.sessions().get(0), shard).forEach((table, size) -> sizes.put(shard + "." + table, size));
            }
            long estimated = sizes.values().stream().mapToLong(v -> v[0]).sum();
            long rows = load(atHome.sessions(), copies, shapes, sizes, estimated, progress);
            for (ShardSchema schema : schemas.values()) {
                if (schema != null) {
                    schema.createLater(copies.get(0));
                }
            }
            return new Copied(atHome.gtid(), shapes.size(), rows);
        } finally {
            Snapshots.closeAll(copies);
        }
    }

    private Connection copySession() throws SQLException {
        Connection c = Snapshots.open(copy);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 0, unique_checks = 0, foreign_key_checks = 0");
        }
        return c;
    }

    private long load(
            List<Connection> homes,
            List<Connection> copies,
            List<TableShape> shapes,
            Map<String, long[]> sizes,
            long estimated,
            ReseedCopy.Progress progress)
            throws SQLException, InterruptedException {
        ConcurrentLinkedQueue<TableShape> queue = new ConcurrentLinkedQueue<>(shapes.stream()
                .sorted(Comparator.comparingLong(
                                (TableShape t) -> sizes.getOrDefault(t.schema() + "." + t.table(), new long[2])[1])
                        .reversed())
                .toList());
        AtomicLong copied = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(homes.size(), r -> {
            Thread t = new Thread(r, "reseed-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < homes.size(); i++) {
                Connection from = homes.get(i);
                Connection to = copies.get(i);
                running.add(threads.submit(() -> {
                    for (TableShape shape = queue.poll(); shape != null; shape = queue.poll()) {
                        long[] last = {0};
                        TableLoader.copy(from, to, shape, n -> {
                            progress.rows(copied.addAndGet(n - last[0]), estimated);
                            last[0] = n;
                        });
                    }
                    return null;
                }));
            }
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw new IllegalStateException("a re-seed loader failed: " + e.getCause(), e.getCause());
                }
            }
            return copied.get();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Table name to {rows, bytes} as the home estimates them (for the progress bar and the order). */
    private static Map<String, long[]> sizes(Connection c, String shard) throws SQLException {
        Map<String, long[]> sizes = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0),"
                + " COALESCE(DATA_LENGTH, 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE = 'BASE TABLE'")) {
            s.setString(1, shard);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return sizes;
    }
}
