package io.shardhome.service.consistency;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares the planned tables on parallel session pairs (home session i, copy session i), each pair taking
 * the next table from one queue and opening snapshots at one point for it. A table altered during the check ("table definition has changed", 1412) is
 * reported as not compared; any other failure ends the check. One per check part.
 */
final class CheckWorkers {
    private static final int TABLE_DEFINITION_CHANGED = 1412;

    private final List<Connection> homes;
    private final List<Connection> copies;
    private final LinkCheck.Settings settings;
    private final LinkCheck.PairSnapshots snapshots;
    private final ConcurrentLinkedQueue<ShardPlan.Task> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, List<TableDiff>> results = new ConcurrentHashMap<>();
    private final LinkCheck.Progress progress;
    private final AtomicInteger done = new AtomicInteger();
    private final int total;

    CheckWorkers(
            List<Connection> homes,
            List<Connection> copies,
            LinkCheck.PairSnapshots snapshots,
            LinkCheck.Settings settings,
            List<ShardPlan> plans,
            LinkCheck.Progress progress) {
        this.homes = homes;
        this.copies = copies;
        this.snapshots = snapshots;
        this.settings = settings;
        this.progress = progress;
        plans.forEach(p -> queue.addAll(p.tasks()));
        this.total = queue.size();
    }

    /** Runs every task; returns the diffs by shard. */
    Map<String, List<TableDiff>> run() throws SQLException, InterruptedException {
        progress.tables(0, total);
        int pairs = Math.min(homes.size(), copies.size());
        ExecutorService threads = Executors.newFixedThreadPool(2 * pairs, r -> {
            Thread t = new Thread(r, "check-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                TableComparer comparer = new TableComparer(
                        homes.get(i),
                        copies.get(i),
                        threads,
                        new Chunker(settings.rowsPerChunk()),
                        settings.keyLimit());
                Connection home = homes.get(i);
                Connection copy = copies.get(i);
                running.add(threads.submit(() -> drain(comparer, home, copy)));
            }
            for (Future<Void> f : running) {
                await(f);
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private Void drain(TableComparer comparer, Connection home, Connection copy)
            throws SQLException, InterruptedException {
        for (ShardPlan.Task task = queue.poll(); task != null; task = queue.poll()) {
            TableDiff diff;
            try {
                String point = snapshots.open(home, copy).toString();
                diff = comparer.compare(task.shape(), task.status(), task.homeDefinition(), task.copyDefinition())
                        .at(point);
            } catch (SQLException e) {
                if (e.getErrorCode() != TABLE_DEFINITION_CHANGED) {
                    throw e;
                }
                diff = new TableDiff(
                        task.shape().table(),
                        ShardPlan.NOT_COMPARED,
                        0,
                        0,
                        0,
                        null,
                        null,
                        null,
                        "",
                        "",
                        "altered during the check (" + e.getMessage() + "); check it again",
                        "");
            }
            results.computeIfAbsent(task.shard(), s -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(diff);
            progress.tables(done.incrementAndGet(), total);
        }
        return null;
    }

    private static void await(Future<Void> f) throws SQLException, InterruptedException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
