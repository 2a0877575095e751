package io.shardhome.bench.links;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkState;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Replication lag of a link under a steady load: one client commits {@code rate} single-row transactions
 * per second over 16 shards at the source for {@code seconds}; a sampler watches the link's applied
 * GTID every millisecond. Lag of a transaction = when the link's status first covered it minus when its
 * commit returned at the source. Prints p50/p99/max per rate and link configuration.
 *
 * <p>Arguments: rates (default {@code 1000,3000} tx/s), seconds per run (15), link configurations
 * maxGroup x channels (default {@code 100x1,100x4}). Run by {@code bench/run links}.
 */
public final class SteadyLagHarness {
    private static final int SHARDS = 16;

    private SteadyLagHarness() {}

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "1000,3000").split(","))
                .mapToInt(r -> Integer.parseInt(r.trim()))
                .toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String links = args.length > 2 ? args[2] : "100x1,100x4";
        MariaDbSite source = MariaDbSites.get("lsrc");
        MariaDbSite target = MariaDbSites.get("ltarget");
        System.out.println("| link | offered | achieved | transactions | p50 | p99 | max | p99 < 1 s | load after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|---|");
        for (int rate : rates) {
            for (String spec : links.split(",")) {
                String[] parts = spec.trim().split("x");
                lagRun(source, target, rate, seconds, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        }
        System.exit(0);
    }

    private static void lagRun(MariaDbSite source, MariaDbSite target, int rate, int seconds, int group, int channels)
            throws SQLException {
        source.dropUserSchemas();
        target.dropUserSchemas();
        String start = source.gtidPosition();
        List<String> shards = new ArrayList<>();
        List<ShardDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            String shard = String.format(Locale.ROOT, "lag%02d", i);
            shards.add(shard);
            definitions.add(ShardDefinition.of(shard, source.site(), false));
            source.execute(
                    "CREATE DATABASE " + shard,
                    "CREATE TABLE " + shard + ".events (id BIGINT PRIMARY KEY, note VARCHAR(32))");
        }
        LinkConfig config = LinkConfig.of(source.endpoint(), target.endpoint(), FilterPolicies.DEFAULTS, start)
                .withMaxGroup(group)
                .withChannels(channels);
        String name = LinksVsNativeHarness.linkLabel(new int[] {group, channels});
        try (Link link = new Link(config, new FixedMapView(ShardMap.of(1, definitions)))) {
            link.start();
            while (link.state() != LinkState.ONLINE) {
                LockSupport.parkNanos(1_000_000);
            }
            long t0 = System.nanoTime();
            long[] lags = run(source, link, shards, rate, seconds);
            double achieved = rate * seconds / ((System.nanoTime() - t0) / 1e9);
            report(name, rate, achieved, lags);
        } catch (IllegalStateException e) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d tx/s | - | - | - | - | - | NOT MET: %s | %s |%n",
                    name,
                    rate,
                    e.getMessage(),
                    LoadAverage.now());
        }
    }

    /** Returns the lag of every transaction in nanoseconds. */
    private static long[] run(MariaDbSite source, Link link, List<String> shards, int rate, int seconds)
            throws SQLException {
        int total = rate * seconds;
        long[] seq = new long[total];
        long[] committedAt = new long[total];
        long[] appliedAt = new long[total];
        Sampler sampler = new Sampler(link, seq, appliedAt);
        sampler.start();
        try (Connection c = source.connect();
                Statement last = c.createStatement()) {
            c.setAutoCommit(true);
            List<PreparedStatement> inserts = new ArrayList<>();
            for (String shard : shards) {
                inserts.add(c.prepareStatement("INSERT INTO " + shard + ".events VALUES (?, ?)"));
            }
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                String shard = shards.get(i % shards.size());
                PreparedStatement s = inserts.get(i % shards.size());
                s.setLong(1, i);
                s.setString(2, "e" + i);
                s.executeUpdate();
                committedAt[i] = System.nanoTime();
                try (ResultSet rs = last.executeQuery("SELECT @@last_gtid")) {
                    rs.next();
                    String gtid = rs.getString(1);
                    seq[i] = Long.parseLong(gtid.substring(gtid.lastIndexOf('-') + 1));
                }
                sampler.published(i + 1);
            }
        }
        sampler.awaitAll();
        if (sampler.isAlive()) {
            throw new IllegalStateException("the link did not apply all " + total
                    + " transactions within 120 s of the last; state " + link.state());
        }
        long[] lags = new long[total];
        for (int i = 0; i < total; i++) {
            lags[i] = Math.max(0, appliedAt[i] - committedAt[i]);
        }
        return lags;
    }

    private static void report(String name, int rate, double achieved, long[] lags) {
        Arrays.sort(lags);
        double p99 = lags[(int) (lags.length * 0.99)] / 1e6;
        System.out.printf(
                Locale.ROOT,
                "| %s | %d tx/s | %.0f tx/s | %d | %.1f ms | %.1f ms | %.1f ms | %s | %s |%n",
                name,
                rate,
                achieved,
                lags.length,
                lags[lags.length / 2] / 1e6,
                p99,
                lags[lags.length - 1] / 1e6,
                p99 < 1000 ? "MET" : "NOT MET",
                LoadAverage.now());
    }

    /** Polls the link's applied position and stamps each transaction when it is first covered. */
    private static final class Sampler extends Thread {
        private final Link link;
        private final long[] seq;
        private final long[] appliedAt;
        private volatile int published;
        private int next;

        Sampler(Link link, long[] seq, long[] appliedAt) {
            this.link = link;
            this.seq = seq;
            this.appliedAt = appliedAt;
            setDaemon(true);
        }

        void published(int count) {
            published = count;
        }

        @Override
        public void run() {
            while (next < seq.length) {
                String applied = link.status().gtidSet();
                long now = System.nanoTime();
                long appliedSeq =
                        applied.isEmpty() ? 0 : Long.parseLong(applied.substring(applied.lastIndexOf('-') + 1));
                int known = published;
                while (next < known && seq[next] <= appliedSeq) {
                    appliedAt[next++] = now;
                }
                LockSupport.parkNanos(1_000_000);
            }
        }

        void awaitAll() {
            try {
                join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
