package io.shardhome.service.failover;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.Home;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.DirectoryErrors;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.grants.SiteGrants;
import io.shardhome.service.links.PublishedLinks;
import io.shardhome.service.moves.api.MoveGuard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fails a dead site over without any contact with it: reads what every survivor processed of it and the
 * last position it was known to have, then marks it DOWN and re-homes each of its shards at a survivor in one
 * compare-and-set of the map (each new tenure in the shard's home history, the dead tenure ended lost), and
 * grants the managed accounts writes at the new homes. A conflicting map change makes it plan again.
 * Thread-safe.
 */
@Component
public class SiteFailover {
    private static final Logger log = LoggerFactory.getLogger(SiteFailover.class);
    private static final int ATTEMPTS = 10;

    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final SiteGrants grants;
    private final MoveGuard moves;
    private final PublishedLinks links;

    SiteFailover(
            DirectoryAccess directory,
            ShardhomeProperties properties,
            SiteGrants grants,
            MoveGuard moves,
            PublishedLinks links) {
        this.directory = directory;
        this.properties = properties;
        this.grants = grants;
        this.moves = moves;
        this.links = links;
    }

    /**
     * @param to the one site to re-home every shard at, or null to spread them
     * @param dryRun only plan and report
     * @throws ServiceException see {@link FailoverPlan#of}; {@code SHARD_MOVING} when a move involves the
     *     site or its shards; {@code MASTER_FAILED} when a survivor cannot be read
     */
    public FailoverBody failover(String site, String to, boolean spread, boolean dryRun, String actor) {
        long started = System.nanoTime();
        DirectoryStore store = directory.storeFor(actor);
        DirectoryException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Phases phases = new Phases();
            DirectorySnapshot snapshot = store.read();
            FailoverPlan plan = FailoverPlan.of(snapshot, site, to, spread);
            moves.requireSiteNotMoving(site);
            moves.requireNoneMoving(plan.newHomes().keySet());
            phases.end("plan");
            Outcome outcome = outcome(snapshot, plan);
            phases.end("survivors");
            if (dryRun) {
                return body(plan, snapshot.version(), true, outcome, List.of(), started, phases);
            }
            try {
                long version = store.replaceSiteAndShards(
                        snapshot.site(site).withState(SiteState.DOWN),
                        outcome.entries(),
                        "site.failover",
                        site + " failed over: " + plan.newHomes().size() + " shard(s) re-homed at "
                                + String.join(", ", plan.survivors()),
                        plan.mapVersion());
                directory.awaitVersion(version);
                phases.end("directory");
                List<String> warnings = grants.applyAtHomes(outcome.changes());
                phases.end("grants");
                FailoverBody body = body(plan, version, false, outcome, warnings, started, phases);
                log.warn(
                        "site {} failed over by {} in {} ms ({}): {} shard(s) re-homed; last known position {}",
                        site,
                        actor,
                        body.tookMillis(),
                        body.phaseMillis(),
                        plan.newHomes().size(),
                        outcome.lastKnown().isEmpty() ? "unknown" : outcome.lastKnown());
                return body;
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw DirectoryErrors.translate(e);
                }
                last = e;
            }
        }
        throw DirectoryErrors.translate(last);
    }

    private record Outcome(
            GtidSet lastKnown, List<ShardEntry> entries, List<ShardLoss> losses, List<SiteGrants.Change> changes) {}

    private Outcome outcome(DirectorySnapshot snapshot, FailoverPlan plan) {
        String dead = plan.deadSite();
        Map<String, GtidSet> processed = new LinkedHashMap<>();
        for (String survivor : plan.survivors()) {
            processed.put(survivor, SurvivorPositions.processedOf(dead, snapshot.site(survivor), properties));
        }
        long[] measuredAt = {0};
        GtidSet lastKnown = lastKnown(dead, processed, measuredAt);
        long knownAge = measuredAt[0] == 0 ? -1 : Math.max(0, (System.currentTimeMillis() - measuredAt[0]) / 1000);
        Map<String, GtidSet> starts = new LinkedHashMap<>();
        List<ShardEntry> entries = new ArrayList<>();
        List<ShardLoss> losses = new ArrayList<>();
        List<SiteGrants.Change> changes = new ArrayList<>();
        plan.newHomes().forEach((shard, home) -> {
            GtidSet start =
                    starts.computeIfAbsent(home, h -> SurvivorPositions.ownPosition(snapshot.site(h), properties));
            GtidSet shipped = processed.getOrDefault(home, GtidSet.EMPTY);
            ShardEntry entry = snapshot.entry(shard);
            entries.add(ShardEntry.active(entry.definition().failedOverTo(home, shipped, start)));
            losses.add(ShardLoss.of(shard, dead, home, processed, lastKnown, knownAge));
            changes.add(new SiteGrants.Change(shard, Home.site(home)));
        });
        return new Outcome(lastKnown, entries, losses, changes);
    }

    /**
     * The dead site's last known position: the latest its links published (their source's position when last
     * measured, and what they processed) and what any survivor processed of it.
     */
    private GtidSet lastKnown(String dead, Map<String, GtidSet> processed, long[] measuredAt) {
        List<GtidSet> known = new ArrayList<>(processed.values());
        for (Site other : directory.snapshot().sites().values()) {
            if (other.name().equals(dead)) {
                continue;
            }
            links.get(new LinkRoles(dead, other.name())).ifPresent(link -> {
                known.add(parsed(link.status(), "sourceGtidSet"));
                known.add(parsed(link.status(), "gtidSet"));
                measuredAt[0] = Math.max(
                        measuredAt[0], link.status().path("publishedAtMillis").asLong(0));
            });
        }
        return GtidSet.latest(known);
    }

    private static GtidSet parsed(JsonNode status, String field) {
        String text = status.path(field).asText("");
        return text.isBlank() ? GtidSet.EMPTY : GtidSet.parse(text);
    }

    private static FailoverBody body(
            FailoverPlan plan,
            long version,
            boolean dryRun,
            Outcome o,
            List<String> warnings,
            long started,
            Phases phases) {
        return new FailoverBody(
                plan.deadSite(),
                dryRun,
                version,
                o.lastKnown().toString(),
                o.losses(),
                warnings,
                (System.nanoTime() - started) / 1_000_000,
                phases.millis);
    }

    /** Milliseconds per phase, in order. */
    private static final class Phases {
        private final Map<String, Long> millis = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void end(String phase) {
            long now = System.nanoTime();
            millis.put(phase, (now - last) / 1_000_000);
            last = now;
        }
    }
}
