package io.shardhome.bench.links;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkState;
import io.shardhome.links.LinkStatus;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Issue 18, catch-up: a link against MariaDB's own replication, single-threaded and parallel (4 threads,
 * optimistic and conservative), on the same binlog range of each workload ({@link BenchWorkload}), each run
 * on an emptied target, all in one JVM and one run. Prints per workload a table with every ratio, then
 * the goals, each met or not.
 *
 * <p>Arguments: {@code transactions} (default 300,000). System properties: {@code workloads}
 * (default {@code insert,mixed,skewed}), {@code links} (maxGroup x channels, default {@code
 * 100x1,100x4,1x1,1x4}), {@code clients} (loading clients, default 4), {@code jfr} (a file: records a
 * JFR profile of the first link configuration on the mixed workload).
 */
public final class LinksVsNativeHarness {
    private static final int SHARDS = 16;
    private static final List<NativeReplica> NATIVES =
            List.of(NativeReplica.SINGLE, new NativeReplica(4, "optimistic"), new NativeReplica(4, "conservative"));

    private LinksVsNativeHarness() {}

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int clients = Integer.getInteger("clients", 4);
        List<int[]> links = configurations(System.getProperty("links", "100x1,100x4,1x1,1x4"));
        MariaDbSite source = MariaDbSites.get("bsrc");
        MariaDbSite target = MariaDbSites.get("blink");
        MariaDbSite replica = MariaDbSites.get("breplica");
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(String.format(Locale.ROOT, "bench%02d", i));
        }
        warmUp(source, target, shards, links, Math.min(Integer.getInteger("warmup", 5_000), transactions), clients);
        List<WorkloadResult> results = new ArrayList<>();
        for (String name :
                System.getProperty("workloads", "insert,mixed,skewed").split(",")) {
            BenchWorkload workload = BenchWorkload.named(name);
            workload.createTables(source, shards);
            String start = source.gtidPosition();
            long t0 = System.nanoTime();
            workload.load(source, shards, transactions, clients);
            String end = source.gtidPosition();
            System.out.printf(
                    Locale.ROOT,
                    "%n== %s: %,d transactions loaded by %d clients in %.1f s (%s .. %s), load average %s%n",
                    workload.label(),
                    transactions,
                    clients,
                    (System.nanoTime() - t0) / 1e9,
                    start,
                    end,
                    LoadAverage.now());
            WorkloadResult result = new WorkloadResult(workload, transactions);
            for (NativeReplica n : NATIVES) {
                workload.createTables(replica, shards);
                result.add(
                        RunResult.measure(n.label(), source, replica, () -> n.replicate(source, replica, start, end)));
                System.out.println(
                        "  " + result.last().line(transactions) + ", master_ssl=" + NativeReplica.masterSsl(replica));
            }
            for (int[] c : links) {
                String label = linkLabel(c);
                boolean profile = workload == BenchWorkload.MIXED && c == links.get(0);
                workload.createTables(target, shards);
                result.add(RunResult.measure(
                        label,
                        source,
                        target,
                        () -> profiled(profile, () -> link(source, target, shards, start, end, c))));
                System.out.println("  " + result.last().line(transactions));
            }
            result.printTable();
            results.add(result);
        }
        Goals.print(results);
        System.out.println("load average after the runs: " + LoadAverage.now());
        System.exit(0);
    }

    static String linkLabel(int[] c) {
        return "link " + (c[0] == 1 ? "grouping off (1 commit per source tx)" : "maxGroup=" + c[0]) + ", "
                + (c[1] == 1 ? "serial" : c[1] + " channels");
    }

    private static void warmUp(
            MariaDbSite source, MariaDbSite target, List<String> shards, List<int[]> links, int tx, int clients)
            throws Exception {
        System.out.printf(
                Locale.ROOT, "warming up: %,d mixed transactions through every link configuration, untimed%n", tx);
        BenchWorkload.MIXED.createTables(source, shards);
        String start = source.gtidPosition();
        BenchWorkload.MIXED.load(source, shards, tx, clients);
        String end = source.gtidPosition();
        for (int[] c : links) {
            BenchWorkload.MIXED.createTables(target, shards);
            link(source, target, shards, start, end, c);
        }
    }

    private static double profiled(boolean profile, java.util.function.DoubleSupplier run) {
        String file = System.getProperty("jfr");
        if (!profile || file == null) {
            return run.getAsDouble();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            double seconds = run.getAsDouble();
            recording.stop();
            recording.dump(Path.of(file));
            System.out.println("  JFR recording of this run: " + file);
            return seconds;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("JFR recording failed: " + e.getMessage(), e);
        }
    }

    /** {@code "100x4,1x1"}: maxGroup x channels per configuration. */
    private static List<int[]> configurations(String spec) {
        return Arrays.stream(spec.split(","))
                .map(c -> c.trim().split("x"))
                .map(p -> new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])})
                .toList();
    }

    /** Runs a link over {@code start..end} to {@code target}, whose tables are ready; returns the seconds. */
    private static double link(
            MariaDbSite source, MariaDbSite target, List<String> shards, String start, String end, int[] c) {
        List<ShardDefinition> definitions = new ArrayList<>();
        shards.forEach(shard -> definitions.add(ShardDefinition.of(shard, source.site(), false)));
        FixedMapView view = new FixedMapView(ShardMap.of(1, definitions));
        LinkConfig config = LinkConfig.of(source.endpoint(), target.endpoint(), FilterPolicies.DEFAULTS, start)
                .withMaxGroup(c[0])
                .withChannels(c[1]);
        GtidSet until = GtidSet.parse(end);
        long t0 = System.nanoTime();
        try (Link link = new Link(config, view)) {
            link.start();
            NativeReplica.waitFor(() -> caughtUp(link, until));
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static boolean caughtUp(Link link, GtidSet end) {
        LinkStatus status = link.status();
        if (status.state() == LinkState.OFFLINE_ERROR) {
            throw new IllegalStateException(
                    "link stopped: " + status.pendingError().orElseThrow());
        }
        return GtidSet.parse(status.gtidSet()).covers(end);
    }
}
