package io.shardhome.service.reseed;

import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkState;
import io.shardhome.links.PendingError;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.service.consistency.Snapshots;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Re-seeds one shard's copy at a link's target from the link's source, the shard's home, online: no
 * transaction of the shard applied twice, none missed, every other shard flowing all along.
 *
 * <ol>
 *   <li>The link leaves the shard out from position p_x on (persisted at the target: a restarted link keeps
 *       leaving it out). A link stopped at a transaction of this very shard (DATA_DIVERGED, ...) is given the
 *       exclusion in its catalog and resumed, which passes that transaction.
 *   <li>The shard's schema and rows are copied at the home's snapshot g (g covers p_x) without being logged
 *       at the copy ({@link ReseedCopy}).
 *   <li>A helper link carrying only the shard, under its own position, starts after g and catches up.
 *   <li>Once the link has passed g, both links stop at one boundary q (each stops where it is; the one behind
 *       is moved on to the other's position); the link carries the shard again from q on; the helper closes
 *       and its position rows are removed.
 * </ol>
 *
 * Any failure leaves the shard left out of the link (its copy is incomplete, so it must not be written
 * there); running the re-seed again starts over. Not thread-safe; one per re-seed.
 */
public final class Reseeder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Reseeder.class);
    /** Parallel sessions, link hold bounds, and how long the helper may take to catch up. */
    public record Settings(int workers, Duration maxHold, Duration holdWait, Duration catchUp) {
        public static final Settings DEFAULTS =
                new Settings(2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    /** What a running re-seed reports. */
    public interface Progress {
        void phase(String phase, String note);

        void rows(long copied, long estimated);
    }

    /** The outcome: the home's GTID g the copy was taken at, the hand-back position p, tables and rows. */
    public record Result(String gtid, String handBack, int tables, long rows) {}

    private final Link link;
    private final ShardMapView view;
    private final Settings settings;
    private final java.util.function.BooleanSupplier owned;

    /**
     * @param owned whether this instance still runs {@code link}; checked between steps and while waiting, so
     *     that a runner that lost the link stops (its helper with it) before a new runner starts over
     */
    public Reseeder(Link link, ShardMapView view, Settings settings, java.util.function.BooleanSupplier owned) {
        this.link = link;
        this.view = view;
        this.settings = settings;
        this.owned = owned;
    }

    private void requireOwned() {
        if (!owned.getAsBoolean()) {
            throw new IllegalStateException("this instance no longer runs link " + link.id()
                    + "; the instance that runs it now starts the re-seed over");
        }
    }

    /** The helper link's id suffix for {@code shards} (its id stays within the catalog's 80 characters). */
    static String helperSuffix(String linkId, List<String> shards) {
        String suffix = "~reseed-" + (shards.size() == 1 ? shards.get(0) : "all");
        return linkId.length() + suffix.length() <= 80 ? suffix : "~reseed-" + Integer.toHexString(shards.hashCode());
    }

    /**
     * Re-seeds {@code shards} (all homed at the link's source) at one point. On a link stopped with
     * BINLOG_PURGED every shard homed at the source is re-seeded instead, whatever was asked ({@link
     * PurgedRepair}): the copies are rebuilt at g and the link's position is moved to g, past the gap.
     */
    public Result run(List<String> shards, String reason, Progress progress) throws SQLException, InterruptedException {
        if (link.state() == LinkState.OFFLINE_ERROR
                && link.status()
                        .pendingError()
                        .map(e -> e.code() == LinkException.Code.BINLOG_PURGED)
                        .orElse(false)) {
            return PurgedRepair.run(link, view, settings, progress, owned);
        }
        String stoppedAt = link.state() == LinkState.OFFLINE_ERROR
                ? link.status().pendingError().map(PendingError::shard).orElse("")
                : "";
        shards = shards.stream() // the shard a stopped link waits on first: its exclusion lets the link go on
                .sorted(java.util.Comparator.comparing((String s) -> !s.equals(stoppedAt)))
                .toList();
        SiteEndpoint home = link.config().source();
        SiteEndpoint copy = link.config().target();
        String named = String.join(", ", shards);
        progress.phase("EXCLUDING", "link " + link.id() + " leaves " + named + " out");
        LinkPosition excludedAt = null;
        for (String shard : shards) {
            LinkPosition at = exclude(shard, reason);
            excludedAt = excludedAt == null ? at : excludedAt;
        }
        requireOwned();
        progress.phase("COPYING", "link " + link.id() + " leaves " + named + " out from " + excludedAt.gtidSet());
        ReseedCopy.Copied copied = new ReseedCopy(home, copy, settings.workers()).run(shards, progress::rows);
        GtidSet g = copied.gtid();
        if (!g.covers(excludedAt.gtidSet())) {
            throw new SQLException("the home's snapshot " + g + " is behind the point " + excludedAt.gtidSet()
                    + " the link left " + named + " out from; the home's binlog went back? re-seed again");
        }
        progress.phase(
                "CATCHING_UP",
                "copied " + copied.tables() + " tables, " + copied.rows() + " rows at " + g + "; a helper link applies "
                        + named + " after it");
        LinkConfig helperConfig = link.config()
                .onlyFor(Set.copyOf(shards), helperSuffix(link.id(), shards))
                .startingAfter(g.toString());
        forget(copy, helperConfig.linkId());
        try (Link helper = new Link(helperConfig, view)) {
            helper.start();
            Catchup.await(helper, home, settings.catchUp(), owned);
            // The link too (it fell behind while the copy loaded the servers): then both stop within moments.
            Catchup.await(link, home, settings.catchUp(), owned);
            requireOwned();
            progress.phase("HANDING_BACK", "link " + link.id() + " carries " + named + " again");
            LinkPosition p = handBack(helper, shards);
            progress.phase("DONE", "link " + link.id() + " carries " + named + " again from " + p.gtidSet());
            forget(copy, helperConfig.linkId());
            return new Result(g.toString(), p.gtidSet().toString(), copied.tables(), copied.rows());
        }
    }

    /**
     * Both links stop at one position q (whichever of the two is ahead; the other is moved on to it): the
     * helper has then applied the shards' transactions up to q, and the link carries them from q on. The helper
     * is closed while still held, so it applies nothing beyond q.
     */
    private LinkPosition handBack(Link helper, List<String> shards) throws InterruptedException {
        long start = System.nanoTime();
        try {
            LinkPosition h = helper.hold(null, settings.maxHold(), settings.holdWait());
            long helperHeld = System.nanoTime();
            LinkPosition p = link.hold(null, settings.maxHold(), settings.holdWait());
            long linkHeld = System.nanoTime();
            if (!p.gtidSet().covers(h.gtidSet())) {
                p = link.hold(h.gtidSet(), settings.maxHold(), settings.holdWait());
            } else if (!h.gtidSet().covers(p.gtidSet())) {
                helper.hold(p.gtidSet(), settings.maxHold(), settings.holdWait());
            }
            for (String shard : shards) {
                link.include(shard, settings.holdWait());
            }
            long included = System.nanoTime(); // moving the one behind to q, then including
            helper.close();
            LOG.info(
                    "hand-back of {} to link {} at {}: helper held after {} ms, link after {} ms, included after {} ms,"
                            + " helper closed after {} ms",
                    shards,
                    link.id(),
                    p.gtidSet(),
                    millis(start, helperHeld),
                    millis(helperHeld, linkHeld),
                    millis(linkHeld, included),
                    millis(included, System.nanoTime()));
            return p;
        } finally {
            link.release();
            helper.release();
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private LinkPosition exclude(String shard, String reason) throws SQLException, InterruptedException {
        if (link.state() != LinkState.OFFLINE_ERROR) {
            return link.exclude(shard, reason, settings.holdWait());
        }
        PendingError error = link.status().pendingError().orElse(null);
        if (link.excluded().contains(shard)) {
            return stored();
        }
        if (error == null || !error.shard().equals(shard)) {
            throw new SQLException("link " + link.id() + " is OFFLINE:ERROR"
                    + (error == null
                            ? ""
                            : " at " + error.gtid() + " for shard '" + error.shard() + "' (" + error.code() + ")")
                    + ", not at a transaction of " + shard + "; a re-seed of " + shard + " cannot pass it: fix"
                    + " or skip that transaction (or re-seed its shard) first");
        }
        LinkPosition stored = stored();
        try (Connection c = Snapshots.open(link.config().target())) {
            Catalog.exclude(c, link.id(), shard, stored.gtidSet().toString(), reason);
        }
        link.resume(); // its next run leaves the shard out, so it passes the transaction it stopped at
        Catchup.awaitOnline(link, settings.holdWait(), owned);
        return stored;
    }

    private LinkPosition stored() throws SQLException {
        try (Connection c = Snapshots.open(link.config().target())) {
            return Catalog.load(c, link.id())
                    .orElseThrow(() -> new SQLException(
                            "link " + link.id() + " has no stored position at its target; it never ran"));
        }
    }

    private static void forget(SiteEndpoint copy, String helperId) throws SQLException {
        try (Connection c = Snapshots.open(copy)) {
            Catalog.forget(c, helperId);
        }
    }
}
