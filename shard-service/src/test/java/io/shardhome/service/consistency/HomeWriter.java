package io.shardhome.service.consistency;

import io.shardhome.links.testing.MariaDbSite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An application writing one shard table at its home at a steady rate (transactions per second), each
 * transaction inserting a row and updating an earlier one; remembers every insert the server acknowledged.
 * The table is {@code <shard>.<table>(id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))}. Start, then close.
 */
public final class HomeWriter implements AutoCloseable {
    private final MariaDbSite home;
    private final String table;
    private final int perSecond;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    public HomeWriter(MariaDbSite home, String table, int perSecond, long firstId) {
        this.home = home;
        this.table = table;
        this.perSecond = perSecond;
        this.thread = new Thread(() -> write(firstId), "home-writer " + table);
        thread.setDaemon(true);
        thread.start();
    }

    private void write(long firstId) {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        try (Connection c = home.connect();
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, 0, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET v = v + 1 WHERE id = ?")) {
            c.setAutoCommit(false);
            for (long id = firstId; running.get(); id++) {
                insert.setLong(1, id);
                insert.setString(2, "written " + id);
                insert.executeUpdate();
                update.setLong(1, firstId + (id * 7919) % Math.max(1, id - firstId + 1));
                update.executeUpdate();
                c.commit();
                acknowledged.add(id);
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public Set<Long> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Stops writing; throws what made the writer fail, if anything did. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
        if (failure.get() != null) {
            throw new IllegalStateException("the home writer failed: " + failure.get(), failure.get());
        }
    }
}
