package io.shardhome.service.crash;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady application writer over several shards: every 10 ms one insert into the next shard's table,
 * at the shard's home as the routing DataSource finds it on its own live view of the directory (so it
 * follows moves). An insert that is refused or fails (shard fenced, grants moved, master restarting) is
 * counted, not retried; every insert that committed is acknowledged and must end up at every site.
 */
final class AckedWriter implements AutoCloseable {
    private final List<String> shards;
    private final ZkShardMapView view;
    private final ShardRoutingDataSource routing;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acked-writer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Long>> acknowledged = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong failures = new AtomicLong();

    private AckedWriter(CrashCluster cluster, List<String> shards) {
        this.shards = List.copyOf(shards);
        this.view = ZkShardMapView.start(cluster.client(), cluster.layout(), Duration.ofSeconds(30));
        view.awaitReady(Duration.ofSeconds(10));
        this.routing = new ShardRoutingDataSource(new ShardLocator(view), CrashCluster::appDataSource, null);
        shards.forEach(shard -> acknowledged.put(shard, new ArrayList<>()));
    }

    static AckedWriter start(CrashCluster cluster, List<String> shards) {
        AckedWriter writer = new AckedWriter(cluster, shards);
        writer.ticker.scheduleAtFixedRate(writer::insertOne, 0, 10, TimeUnit.MILLISECONDS);
        return writer;
    }

    private void insertOne() {
        long id = nextId.getAndIncrement();
        String shard = shards.get((int) (id % shards.size()));
        try (ShardContext.Scope scope = ShardContext.enter(shard);
                Connection c = routing.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO acks (id, written_at) VALUES (?, @@hostname)")) {
            s.setLong(1, id);
            s.executeUpdate();
            synchronized (acknowledged) {
                acknowledged.get(shard).add(id);
            }
        } catch (SQLException | RuntimeException refused) {
            failures.incrementAndGet();
        }
    }

    /** The acknowledged ids of {@code shard}, in order. */
    List<Long> acknowledged(String shard) {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged.get(shard));
        }
    }

    long acknowledgedTotal() {
        synchronized (acknowledged) {
            return acknowledged.values().stream().mapToLong(List::size).sum();
        }
    }

    long failures() {
        return failures.get();
    }

    /** Waits until {@code more} further inserts have been acknowledged. */
    void awaitProgress(int more) {
        long target = acknowledgedTotal() + more;
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledgedTotal() >= target);
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
