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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * The link's heap for large transactions (issue 18): commits one INSERT ... SELECT of {@code mib} rows of
 * 1 MiB at a source and one UPDATE of all of them (the conformance set {@code large} without the test JVM), runs a serial link to a target in this JVM (run it with a small {@code -Xmx}) and
 * reports whether the transaction arrived whole (row count and {@code CHECKSUM TABLE}) or the link stopped
 * or hung, with the heap's peak use: the largest heap in use after any collection (live data) and the
 * largest in use at all (sampled every 200 ms, summed over the heap's pools). Exit status 1 unless the copy is identical.
 *
 * <p>Run: {@code java -Xmx512m -cp ... io.shardhome.bench.links.LargeTransactionHeapHarness 1024 600}
 * (MiB, timeout seconds).
 */
public final class LargeTransactionHeapHarness {
    private static long maxLive;

    private LargeTransactionHeapHarness() {}

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int timeoutSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        MariaDbSite source = MariaDbSites.get("hsrc");
        MariaDbSite target = MariaDbSites.get("htarget");
        for (MariaDbSite site : List.of(source, target)) {
            site.dropUserSchemas();
            site.execute(
                    "SET sql_log_bin=0",
                    "CREATE DATABASE huge",
                    "CREATE TABLE huge.t (id INT PRIMARY KEY, payload LONGBLOB NOT NULL, touched TINYINT NOT NULL DEFAULT 0)");
        }
        String start = source.gtidPosition();
        long t0 = System.nanoTime();
        source.execute(
                "INSERT INTO huge.t (id, payload) SELECT seq, REPEAT(CHAR(65 + seq MOD 26), 1048576) FROM huge.seq_1_to_"
                        + mib,
                "UPDATE huge.t SET touched = 1");
        String end = source.gtidPosition();
        System.out.printf(
                Locale.ROOT,
                "committed an INSERT of %d rows of 1 MiB and an UPDATE of all of them (full images: twice the bytes),"
                        + " two transactions, at the source in %.1f s; max heap %d MiB%n",
                mib,
                (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        FixedMapView view = new FixedMapView(ShardMap.of(1, List.of(ShardDefinition.of("huge", source.site(), false))));
        LinkConfig config = LinkConfig.of(source.endpoint(), target.endpoint(), FilterPolicies.DEFAULTS, start);
        resetPeaks();
        long t1 = System.nanoTime();
        String outcome;
        try (Link link = new Link(config, view)) {
            link.start();
            outcome = await(link, GtidSet.parse(end), timeoutSeconds);
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        boolean identical = source.count("huge.t") == target.count("huge.t")
                && source.rows("CHECKSUM TABLE huge.t").equals(target.rows("CHECKSUM TABLE huge.t"));
        System.out.printf(
                Locale.ROOT,
                "link: %s after %.1f s; copy %s; heap peak in use %d MiB, peak live after a collection %d MiB%n",
                outcome,
                seconds,
                identical ? "identical (count and CHECKSUM TABLE)" : "DIFFERENT",
                peak(false) >> 20,
                Math.max(maxLive, peak(true)) >> 20);
        System.exit(identical ? 0 : 1);
    }

    private static String await(Link link, GtidSet end, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            LinkStatus status = link.status();
            if (status.state() == LinkState.OFFLINE_ERROR) {
                return "STOPPED " + status.pendingError().orElseThrow();
            }
            if (GtidSet.parse(status.gtidSet()).covers(end)) {
                return "applied";
            }
            maxLive = Math.max(maxLive, peak(true));
            Thread.sleep(200);
        }
        return "NEITHER APPLIED NOR STOPPED within " + timeoutSeconds + " s (state " + link.state() + ")";
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum over heap pools of the peak use ({@code afterCollection}: of the use right after a collection). */
    private static long peak(boolean afterCollection) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            if (afterCollection) {
                sum += pool.getCollectionUsage() == null
                        ? 0
                        : pool.getCollectionUsage().getUsed();
            } else {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
