package io.shardhome.service.links;

import io.shardhome.links.testing.MariaDbSite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small application for tests: one thread inserting numbered rows into one table of one master, each
 * in its own auto-commit transaction, remembering the ids the server acknowledged. It stops after {@code
 * limit} rows, at its first error (kept, see {@link #failure()}) or when closed. Thread-safe.
 */
final class RowWriter implements AutoCloseable {
    private static final Duration JOIN_PATIENCE = Duration.ofMinutes(2);

    private final MariaDbSite master;
    private final String table;
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    private RowWriter(MariaDbSite master, String table, long firstId, int limit) {
        this.master = master;
        this.table = table;
        this.thread = new Thread(() -> write(firstId, limit), "row-writer " + table);
        this.thread.setDaemon(true);
    }

    /** Starts writing ids {@code firstId}, {@code firstId + 1}, ... into {@code table} at {@code master}. */
    static RowWriter start(MariaDbSite master, String table, long firstId, int limit) {
        RowWriter writer = new RowWriter(master, table, firstId, limit);
        writer.thread.start();
        return writer;
    }

    private void write(long firstId, int limit) {
        try (Connection c = master.connect();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)")) {
            for (long id = firstId; id < firstId + limit && !stopping; id++) {
                insert.setLong(1, id);
                insert.setString(2, "row " + id + " at " + master.host() + ":" + master.port());
                insert.executeUpdate();
                acknowledged.add(id);
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        }
    }

    /** The ids whose insert the server acknowledged, in order. */
    List<Long> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** The error that stopped the writer early, or null. */
    Exception failure() {
        return failure.get();
    }

    /** Stops the writer and waits until its last insert returned. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(JOIN_PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the writer of " + table, e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the writer of " + table + " did not stop within " + JOIN_PATIENCE);
        }
    }
}
