package io.shardhome.bench.client;

import io.shardhome.client.feed.HttpMapSource;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;

/**
 * Issue 17: what N applications watching the shard map cost one service instance, side by side with the
 * real alternative, N applications watching ZooKeeper directly (each its own session and view, on the
 * service's embedded ZooKeeper, so the same process pays). For each: the service process's resident
 * memory, heap and threads with the watchers connected, its CPU while they only listen (heartbeats),
 * and for a series of map changes the time until every watcher holds the new version, and the CPU each
 * change costs. The watchers run in this JVM: HTTP ones share one HTTP client and timer, ZooKeeper ones
 * are real Curator clients. Usage: {@code bench/client.sh} (or {@code WatchersHarness [watchers, default
 * 1000] [shards, default 1000] [changes, default 20]}).
 */
public final class WatchersHarness {
    private static final Duration IDLE = Duration.ofSeconds(30);

    private WatchersHarness() {}

    /** One watcher: its current map version, and how to stop it. */
    interface Watcher extends AutoCloseable {
        long version();

        @Override
        void close();
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            System.out.println("the harness failed: " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int watchers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path jar = Path.of(System.getProperty("shardhome.jar", "shard-service/target/shardhome.jar"));
        Path dir = Path.of("bench", "target", "watchers-" + System.currentTimeMillis());
        try (ServiceProcess service = ServiceProcess.start(jar, dir)) {
            seed(service, shards);
            System.out.printf(
                    "%d watchers, %d shards, %d changes; service pid %d; load average %s%n",
                    watchers, shards, changes, service.pid(), ProcessStats.loadAverage());
            Costs none = measure(service, "no watchers", List.of(), 0);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(8))
                    .build();
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            Costs feed = measure(
                    service, "map feed (HTTP)", connect(watchers, () -> httpWatcher(service, http, timer)), changes);
            timer.shutdownNow();
            Costs zk = measure(service, "ZooKeeper views", connect(watchers, () -> zkWatcher(service)), changes);
            report(none, feed, zk, watchers);
        }
        System.out.printf("load average after the run: %s%n", ProcessStats.loadAverage());
    }

    private static void seed(ServiceProcess service, int shards) throws Exception {
        service.send("PUT", "/api/v1/sites/nyc", "application/json", "{\"host\":\"127.0.0.1\",\"port\":3306}");
        service.send("PUT", "/api/v1/sites/sjc", "application/json", "{\"host\":\"127.0.0.1\",\"port\":3307}");
        StringBuilder csv = new StringBuilder("shard_id master critical\n");
        for (int i = 0; i < shards; i++) {
            csv.append(String.format("customer_%05d %s false%n", i, i % 2 == 0 ? "nyc" : "sjc"));
        }
        service.send("PUT", "/api/v1/shard-map", "text/csv", csv.toString());
    }

    private static Watcher httpWatcher(ServiceProcess service, HttpClient http, ScheduledExecutorService timer) {
        HttpMapSource source = HttpMapSource.start(URI.create(service.url()), ServiceProcess.READER, http, timer);
        source.awaitReady(Duration.ofMinutes(2));
        return new Watcher() {
            public long version() {
                return source.snapshot().version();
            }

            public void close() {
                source.close();
            }
        };
    }

    private static Watcher zkWatcher(ServiceProcess service) {
        CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(service.zooKeeper()));
        ZkShardMapView view =
                ZkShardMapView.start(client, DirectoryLayout.forCluster("default"), Duration.ofSeconds(30));
        if (!view.awaitReady(Duration.ofMinutes(2))) {
            throw new DirectoryException(DirectoryException.Code.UNAVAILABLE, "a ZooKeeper view did not load");
        }
        return new Watcher() {
            public long version() {
                DirectorySnapshot snapshot = view.snapshot();
                return snapshot.version();
            }

            public void close() {
                view.close();
                client.close();
            }
        };
    }

    private static List<Watcher> connect(int count, Supplier<Watcher> factory) {
        List<Watcher> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            all.add(factory.get());
        }
        System.out.printf(
                "  %d watchers connected and loaded the map in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return all;
    }

    /** What the service cost with these watchers; closes them at the end. */
    record Costs(
            String name,
            double rssMegabytes,
            double heapMegabytes,
            int threads,
            double idleCpuPerMinute,
            Percentiles propagation,
            double cpuPerChange) {}

    private static Costs measure(ServiceProcess service, String name, List<Watcher> watchers, int changes)
            throws Exception {
        TimeUnit.SECONDS.sleep(5);
        ProcessStats before = ProcessStats.of(service.pid());
        TimeUnit.MILLISECONDS.sleep(IDLE.toMillis());
        ProcessStats idle = ProcessStats.of(service.pid());
        double heap = service.heapUsedMegabytes();
        double idleCpu = (idle.cpuSeconds() - before.cpuSeconds()) * 60.0 / IDLE.toSeconds();
        List<Long> latencies = new ArrayList<>();
        double cpuStart = ProcessStats.of(service.pid()).cpuSeconds();
        for (int c = 0; c < changes && !watchers.isEmpty(); c++) {
            latencies.addAll(change(service, watchers, c));
            TimeUnit.MILLISECONDS.sleep(500);
        }
        double cpuPerChange = changes == 0 || watchers.isEmpty()
                ? 0
                : (ProcessStats.of(service.pid()).cpuSeconds() - cpuStart) / changes;
        Costs costs = new Costs(
                name, idle.rssMegabytes(), heap, idle.threads(), idleCpu, new Percentiles(latencies), cpuPerChange);
        System.out.printf(
                "  %s: RSS %.0f MB, heap %.0f MB, %d threads, idle CPU %.2f s/min; every watcher current after: %s%n",
                name,
                costs.rssMegabytes(),
                heap,
                costs.threads(),
                idleCpu,
                costs.propagation().summary("ms"));
        watchers.forEach(Watcher::close);
        return costs;
    }

    /** One map change (a shard's home flips); per watcher, the ms until it held the new version. */
    private static List<Long> change(ServiceProcess service, List<Watcher> watchers, int c) throws Exception {
        long target = watchers.get(0).version() + 1;
        long started = System.nanoTime();
        service.send(
                "PUT",
                "/api/v1/shards/customer_00000",
                "application/json",
                "{\"home\":\"" + (c % 2 == 0 ? "sjc" : "nyc") + "\"}");
        long[] seen = new long[watchers.size()];
        int pending = watchers.size();
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while (pending > 0 && System.nanoTime() < deadline) {
            for (int i = 0; i < watchers.size(); i++) {
                if (seen[i] == 0 && watchers.get(i).version() >= target) {
                    seen[i] = System.nanoTime();
                    pending--;
                }
            }
            Thread.onSpinWait();
        }
        if (pending > 0) {
            throw new IllegalStateException(pending + " watchers did not get map version " + target + " within 60 s");
        }
        List<Long> latencies = new ArrayList<>();
        for (long at : seen) {
            latencies.add((at - started) / 1_000_000);
        }
        return latencies;
    }

    private static void report(Costs none, Costs feed, Costs zk, int watchers) {
        System.out.println();
        System.out.println(
                "| service instance with | RSS MB | heap MB | threads | idle CPU s/min | all watchers current after a change | CPU per change |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Costs c : List.of(none, feed, zk)) {
            System.out.printf(
                    "| %s | %.0f | %.0f | %d | %.2f | %s | %.3f s |%n",
                    c.name(),
                    c.rssMegabytes(),
                    c.heapMegabytes(),
                    c.threads(),
                    c.idleCpuPerMinute(),
                    c.propagation().count() == 0 ? "-" : c.propagation().summary("ms"),
                    c.cpuPerChange());
        }
        System.out.printf(
                "per watcher over none: feed %+.0f KB RSS, %+.1f threads; ZooKeeper %+.0f KB RSS, %+.1f threads%n",
                (feed.rssMegabytes() - none.rssMegabytes()) * 1024 / watchers,
                (feed.threads() - none.threads()) / (double) watchers,
                (zk.rssMegabytes() - none.rssMegabytes()) * 1024 / watchers,
                (zk.threads() - none.threads()) / (double) watchers);
    }
}
