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
 * commit returned at the source. Prints p50/p99/max per configuration.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.classpathScope=compile
 * -Dexec.mainClass=io.shardhome.bench.links.SteadyLagHarness -Dexec.args="1000 15"}.
 */
public final class SteadyLagHarness {
    private static final int SHARDS = 16;

    private SteadyLagHarness() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        MariaDbSite source = MariaDbSites.get("lsrc");
        MariaDbSite target = MariaDbSites.get("ltarget");
        for (int channels : new int[] {1, 4}) {
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
                    .withChannels(channels);
            try (Link link = new Link(config, new FixedMapView(ShardMap.of(1, definitions)))) {
                link.start();
                while (link.state() != LinkState.ONLINE) {
                    LockSupport.parkNanos(1_000_000);
                }
                long[] lags = run(source, link, shards, rate, seconds);
                report(channels, rate, lags);
            }
        }
        System.exit(0);
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
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                String shard = shards.get(i % shards.size());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + shard + ".events VALUES (?, ?)")) {
                    s.setLong(1, i);
                    s.setString(2, "e" + i);
                    s.executeUpdate();
                }
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
            throw new IllegalStateException("the link did not apply all " + total + " transactions; status "
                    + link.status() + ", last source seq " + seq[total - 1]);
        }
        long[] lags = new long[total];
        for (int i = 0; i < total; i++) {
            lags[i] = Math.max(0, appliedAt[i] - committedAt[i]);
        }
        return lags;
    }

    private static void report(int channels, int rate, long[] lags) {
        Arrays.sort(lags);
        System.out.printf(
                Locale.ROOT,
                "| channels=%d, %d tx/s, %d tx | p50 %.1f ms | p99 %.1f ms | max %.1f ms |%n",
                channels,
                rate,
                lags.length,
                lags[lags.length / 2] / 1e6,
                lags[(int) (lags.length * 0.99)] / 1e6,
                lags[lags.length - 1] / 1e6);
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
