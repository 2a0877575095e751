package io.shardhome.service.consistency;

import io.shardhome.links.Link;
import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks shards of one home at one copy, over the link that carries them (Vitess VDiff's protocol): the link
 * stops at a transaction boundary; the home opens consistent snapshots at one binlog position, GTID g; the
 * link applies exactly up to g and stops again; the copy opens its snapshots (now at g for every shard of that
 * home); the link goes on. The link stands still only while snapshots open (milliseconds). Then each table is
 * compared on the two snapshots ({@link TableComparer}), tables spread over parallel session pairs.
 * Not thread-safe; one per check part.
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
        List<String> checked =
                shards.stream().filter(s -> !excluded.contains(s)).toList();
        List<ShardResult> results = new ArrayList<>();
        if (!checked.isEmpty()) {
            try (Snapshots.AtHome atHome = holdAndSnapshot()) {
                results.addAll(compare(checked, atHome, progress));
            }
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

    private List<Connection> copies;

    /** Stops the link, opens the home's snapshots at g, lets the link reach g, opens the copy's, lets it go. */
    private Snapshots.AtHome holdAndSnapshot() throws SQLException, InterruptedException {
        link.hold(null, settings.maxHold(), settings.holdWait());
        Snapshots.AtHome atHome = null;
        try {
            atHome = Snapshots.atHome(home, settings.workers());
            link.hold(atHome.gtid(), settings.maxHold(), settings.holdWait());
            copies = Snapshots.atCopy(copy, atHome.sessions().size());
            return atHome;
        } catch (SQLException | RuntimeException | InterruptedException e) {
            if (atHome != null) {
                atHome.close();
            }
            throw e;
        } finally {
            link.release();
        }
    }

    private List<ShardResult> compare(List<String> shards, Snapshots.AtHome atHome, Progress progress)
            throws SQLException, InterruptedException {
        try {
            Connection homeMeta = atHome.sessions().get(0);
            Connection copyMeta = copies.get(0);
            List<ShardPlan> plans = new ArrayList<>();
            for (String shard : shards) {
                plans.add(ShardPlan.of(shard, homeMeta, copyMeta));
            }
            CheckWorkers workers = new CheckWorkers(atHome.sessions(), copies, settings, plans, progress);
            Map<String, List<TableDiff>> compared = workers.run();
            List<ShardResult> results = new ArrayList<>();
            for (ShardPlan plan : plans) {
                results.add(plan.result(
                        compared.getOrDefault(plan.shard(), List.of()),
                        copy.site(),
                        home.site(),
                        atHome.gtid().toString()));
            }
            return results;
        } finally {
            Snapshots.closeAll(copies);
        }
    }
}
