package io.shardhome.service.consistency;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.Link;
import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks shards of one home at one copy, over the link that carries them (Vitess VDiff's protocol, table by
 * table): for each table, the link stops at a transaction boundary; a home session opens a consistent
 * snapshot, at GTID g; the link applies exactly up to g and stops again; a copy session opens its snapshot
 * (now at g for every shard of that home); the link goes on. The link stands still only while the snapshots
 * open (milliseconds). The table is then compared on the two snapshots ({@link TableComparer}) and both
 * transactions end, so a table's metadata lock is held only while it is compared. Tables are spread over
 * parallel session pairs. Not thread-safe; one per check part.
 */
public final class LinkCheck {
    /** How a check runs: parallel session pairs, chunk size, keys listed per kind, link hold bounds. */
    public record Settings(int workers, int rowsPerChunk, int keyLimit, Duration maxHold, Duration holdWait) {
        public static final Settings DEFAULTS =
                new Settings(2, 25_000, 10, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Told after each table: tables done out of all. */
    @FunctionalInterface
    public interface Progress {
        void tables(int done, int total);
    }

    private final Link link;
    private final SiteEndpoint home;
    private final SiteEndpoint copy;
    private final Settings settings;

    public LinkCheck(Link link, SiteEndpoint home, SiteEndpoint copy, Settings settings) {
        this.link = link;
        this.home = home;
        this.copy = copy;
        this.settings = settings;
    }

    /** Checks {@code shards} (all homed at the link's source); one result per shard, in order. */
    public List<ShardResult> run(List<String> shards, Progress progress) throws SQLException, InterruptedException {
        List<String> excluded =
                shards.stream().filter(link.excluded()::contains).toList();
        List<ShardResult> results = new ArrayList<>();
        List<Connection> homes = new ArrayList<>();
        List<Connection> copies = new ArrayList<>();
        try {
            for (int i = 0; i < settings.workers(); i++) {
                homes.add(Snapshots.open(home));
                copies.add(Snapshots.open(copy));
            }
            List<ShardPlan> plans = new ArrayList<>();
            for (String shard : shards) {
                if (!excluded.contains(shard)) {
                    plans.add(ShardPlan.of(shard, homes.get(0), copies.get(0)));
                }
            }
            Map<String, List<TableDiff>> compared =
                    new CheckWorkers(homes, copies, this::snapshotPair, settings, plans, progress).run();
            for (ShardPlan plan : plans) {
                results.add(plan.result(compared.getOrDefault(plan.shard(), List.of()), copy.site(), home.site()));
            }
        } finally {
            Snapshots.closeAll(homes);
            Snapshots.closeAll(copies);
        }
        for (String shard : excluded) {
            results.add(ShardResult.notChecked(
                    shard,
                    copy.site(),
                    home.site(),
                    "its copy is being re-seeded (link " + link.id() + " leaves it out); check it after the re-seed"));
        }
        return results;
    }

    /**
     * Puts {@code atHome} and {@code atCopy} into snapshots at one point g and returns g: the link stops, the
     * home's snapshot opens, the link applies up to exactly g, the copy's opens, the link goes on. One pair at
     * a time (a link holds for one caller).
     */
    private synchronized GtidSet snapshotPair(Connection atHome, Connection atCopy)
            throws SQLException, InterruptedException {
        end(atHome);
        end(atCopy);
        link.hold(null, settings.maxHold(), settings.holdWait());
        try {
            GtidSet g = Snapshots.gtidAt(atHome, Snapshots.begin(atHome));
            link.hold(g, settings.maxHold(), settings.holdWait());
            Snapshots.begin(atCopy);
            return g;
        } finally {
            link.release();
        }
    }

    private static void end(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }

    /** Opens the snapshots a table is compared in. */
    @FunctionalInterface
    interface PairSnapshots {
        GtidSet open(Connection atHome, Connection atCopy) throws SQLException, InterruptedException;
    }
}
