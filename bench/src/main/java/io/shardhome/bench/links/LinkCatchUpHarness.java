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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Catch-up rate of a site link against native MariaDB replication of the same binlog, in one run: loads
 * {@code rows} small-row inserts in transactions of 10 rows over 16 shards at a source master (nothing
 * replicating), then times a native replica (single-threaded, GTID) and then the link in each
 * configuration, each from the same start position to the same end, on its own empty target. With {@code
 * -Dworkload=mixed} the load is sysbench {@code oltp_write_only}-like instead: 1,000 rows per shard, then
 * {@code rows} transactions of UPDATE by key, UPDATE of an indexed column, DELETE and INSERT of one row.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.classpathScope=compile
 * -Dexec.mainClass=io.shardhome.bench.links.LinkCatchUpHarness -Dexec.args="100000"}.
 */
public final class LinkCatchUpHarness {
    private static final int SHARDS = 16;
    private static final int ROWS_PER_TX = 10;

    private LinkCatchUpHarness() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MariaDbSite source = MariaDbSites.get("bsrc");
        MariaDbSite target = MariaDbSites.get("blink");
        MariaDbSite replica = MariaDbSites.get("breplica");
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(String.format(Locale.ROOT, "bench%02d", i));
        }
        source.dropUserSchemas();
        String start = source.gtidPosition();
        long loadStart = System.nanoTime();
        load(source, shards, rows);
        double loadSeconds = seconds(loadStart);
        String end = source.gtidPosition();
        System.out.printf(
                Locale.ROOT,
                "loaded %d rows in %d transactions at the source in %.1f s (%s .. %s)%n",
                rows,
                rows / ROWS_PER_TX,
                loadSeconds,
                start,
                end);

        List<Run> runs = new ArrayList<>();
        runs.add(
                new Run("native replica (single-threaded)", replica, () -> nativeReplica(source, replica, start, end)));
        for (int[] c : configurations(args.length > 1 ? args[1] : "1x1,100x1,100x2,100x4,100x8")) {
            runs.add(new Run(
                    "link maxGroup=" + c[0] + " channels=" + c[1],
                    target,
                    () -> link(source, target, shards, start, end, c[0], c[1])));
        }
        int repeats = Integer.getInteger("repeats", 3);
        System.out.println("warming up (one untimed pass of every run: the JIT compiles the link's hot paths)");
        runs.forEach(run -> run.measure(source));
        for (int r = 0; r < repeats; r++) {
            runs.forEach(run -> run.measure(source).printRaw(rows));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "median of %d runs, %d rows:%n", repeats, rows);
        System.out.println("| run | catch-up | rows/s | vs native | CPU source mysqld | CPU target mysqld | CPU JVM |");
        System.out.println("|---|---|---|---|---|---|---|");
        double nativeSeconds = runs.get(0).median().seconds();
        runs.forEach(run -> run.median().printRow(run.name(), rows, nativeSeconds));
        System.exit(0);
    }

    /** {@code "100x4,1x1"}: maxGroup x channels per configuration. */
    private static List<int[]> configurations(String spec) {
        List<int[]> configurations = new ArrayList<>();
        for (String c : spec.split(",")) {
            String[] parts = c.trim().split("x");
            configurations.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
        return configurations;
    }

    private static void load(MariaDbSite source, List<String> shards, int rows) throws SQLException {
        if ("mixed".equals(System.getProperty("workload"))) {
            MixedWorkload.load(source, shards, rows);
            return;
        }
        for (String shard : shards) {
            source.execute(
                    "CREATE DATABASE " + shard,
                    "CREATE TABLE " + shard
                            + ".events (id BIGINT PRIMARY KEY, account INT NOT NULL, amount DECIMAL(12,2), note VARCHAR(32))");
        }
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            for (int tx = 0; tx < rows / ROWS_PER_TX; tx++) {
                String shard = shards.get(tx % shards.size());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + shard + ".events VALUES (?,?,?,?)")) {
                    for (int r = 0; r < ROWS_PER_TX; r++) {
                        long id = (long) tx * ROWS_PER_TX + r;
                        s.setLong(1, id);
                        s.setInt(2, (int) (id % 1000));
                        s.setBigDecimal(3, java.math.BigDecimal.valueOf(id % 100_000, 2));
                        s.setString(4, "n" + id);
                        s.executeUpdate();
                    }
                }
                c.commit();
            }
        }
    }

    private static double nativeReplica(MariaDbSite source, MariaDbSite replica, String start, String end) {
        replica.dropUserSchemas();
        replica.execute(
                "STOP SLAVE",
                "RESET SLAVE ALL",
                "SET GLOBAL gtid_slave_pos='" + start + "'",
                "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + source.port() + ", MASTER_USER='"
                        + MariaDbSite.USER + "', MASTER_PASSWORD='" + MariaDbSite.PASSWORD
                        + "', MASTER_USE_GTID=slave_pos");
        long t0 = System.nanoTime();
        replica.execute("START SLAVE");
        waitFor(() ->
                GtidSet.parse(replica.value("SELECT @@GLOBAL.gtid_slave_pos")).covers(GtidSet.parse(end)));
        double elapsed = seconds(t0);
        replica.execute("STOP SLAVE");
        return elapsed;
    }

    private static double link(
            MariaDbSite source,
            MariaDbSite target,
            List<String> shards,
            String start,
            String end,
            int group,
            int channels) {
        target.dropUserSchemas();
        List<ShardDefinition> definitions = new ArrayList<>();
        shards.forEach(shard -> definitions.add(ShardDefinition.of(shard, source.site(), false)));
        FixedMapView view = new FixedMapView(ShardMap.of(1, definitions));
        LinkConfig config = LinkConfig.of(source.endpoint(), target.endpoint(), FilterPolicies.DEFAULTS, start)
                .withMaxGroup(group)
                .withChannels(channels);
        long t0 = System.nanoTime();
        try (Link link = new Link(config, view)) {
            link.start();
            waitFor(() -> caughtUp(link, end));
            return seconds(t0);
        }
    }

    private static boolean caughtUp(Link link, String end) {
        LinkStatus status = link.status();
        if (status.state() == LinkState.OFFLINE_ERROR) {
            throw new IllegalStateException(
                    "link stopped: " + status.pendingError().orElseThrow());
        }
        return GtidSet.parse(status.gtidSet()).covers(GtidSet.parse(end));
    }

    private static void waitFor(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for replication", e);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One way of replicating the workload, timed over repeated passes. */
    private record Run(String name, MariaDbSite applyingServer, DoubleSupplier body, List<Sample> samples) {
        Run(String name, MariaDbSite applyingServer, DoubleSupplier body) {
            this(name, applyingServer, body, new ArrayList<>());
        }

        Sample measure(MariaDbSite source) {
            double[] before = cpu(source, applyingServer);
            double seconds = body.getAsDouble();
            double[] after = cpu(source, applyingServer);
            Sample sample = new Sample(name, seconds, after[0] - before[0], after[1] - before[1], after[2] - before[2]);
            samples.add(sample);
            return sample;
        }

        /** The median pass by time, leaving out the warm-up pass. */
        Sample median() {
            List<Sample> timed = new ArrayList<>(samples.subList(1, samples.size()));
            timed.sort(Comparator.comparingDouble(Sample::seconds));
            return timed.get(timed.size() / 2);
        }

        private static double[] cpu(MariaDbSite source, MariaDbSite target) {
            return new double[] {
                CpuMeter.serverSeconds(source.site()), CpuMeter.serverSeconds(target.site()), CpuMeter.jvmSeconds()
            };
        }
    }

    /** One timed pass: wall seconds and CPU seconds of the source server, the applying server and this JVM. */
    private record Sample(String name, double seconds, double sourceCpu, double targetCpu, double jvmCpu) {
        void printRaw(int rows) {
            System.out.printf(Locale.ROOT, "  %s: %.2f s, %.0f rows/s%n", name, seconds, rows / seconds);
        }

        void printRow(String run, int rows, double nativeSeconds) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f s | %.0f | %.2fx | %.1f s | %.1f s | %.1f s |%n",
                    run,
                    seconds,
                    rows / seconds,
                    nativeSeconds / seconds,
                    sourceCpu,
                    targetCpu,
                    jvmCpu);
        }
    }
}
