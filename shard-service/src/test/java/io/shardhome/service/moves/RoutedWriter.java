package io.shardhome.service.moves;

import static org.awaitility.Awaitility.await;

import io.shardhome.directory.client.ShardContext;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.directory.client.ShardRoutingDataSource;
import io.shardhome.directory.view.ZkShardMapView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application writing one shard at a steady rate (one insert every 5 ms, 200 tx/s) through the
 * routing DataSource on its own live view of the directory. A refused or failed insert (fenced, access
 * denied, killed session) is counted and the next tick tries a new row; acknowledged ids are kept.
 */
final class RoutedWriter implements AutoCloseable {
    private final String shard;
    private final ZkShardMapView view;
    private final ShardRoutingDataSource routing;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> acknowledged = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong failures = new AtomicLong();

    private RoutedWriter(MoveSites sites, String shard) {
        this.shard = shard;
        this.view = ZkShardMapView.start(
                sites.harness.directory().client(), sites.harness.directory().layout(), Duration.ofSeconds(30));
        view.awaitReady(Duration.ofSeconds(10));
        this.routing = new ShardRoutingDataSource(new ShardLocator(view), MoveSites::appDataSource, null);
    }

    static RoutedWriter start(MoveSites sites, String shard) {
        RoutedWriter writer = new RoutedWriter(sites, shard);
        writer.ticker.scheduleAtFixedRate(writer::insertOne, 0, 5, TimeUnit.MILLISECONDS);
        return writer;
    }

    private void insertOne() {
        long id = nextId.getAndIncrement();
        try (ShardContext.Scope scope = ShardContext.enter(shard);
                Connection c = routing.getConnection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO orders (id, written_by, payload) VALUES (?, @@server_id, ?)")) {
            s.setLong(1, id);
            s.setString(2, "order-" + id);
            s.executeUpdate();
            synchronized (acknowledged) {
                acknowledged.add(id);
            }
        } catch (SQLException e) {
            failures.incrementAndGet();
        }
    }

    List<Long> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    long failures() {
        return failures.get();
    }

    void awaitAcknowledged(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged().size() >= count);
    }

    /** Stops writing and waits for the insert in flight. */
    void stop() throws InterruptedException {
        ticker.shutdown();
        if (!ticker.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the writer did not stop within 30 s");
        }
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        routing.close();
        view.close();
    }
}
