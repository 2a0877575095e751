package io.shardhome.service.failover;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.Tenure;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.DirectoryErrors;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.grants.CopyFence;
import io.shardhome.service.grants.SiteGrants;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The return of a failed-over site. {@link #returnSite}: fence it (no managed account may write a copy
 * there), list its orphans from its binlog (never applied), mark it JOINING so that links into it run
 * again and links from it do not. {@link #activate}: after the operator re-seeded its copies, the links
 * from it start after its current position (the orphans stay behind, recorded in the audit trail) and it is
 * ACTIVE again. Thread-safe.
 */
@Component
public class SiteReturn {
    private static final Logger log = LoggerFactory.getLogger(SiteReturn.class);
    private static final int LISTED = 1000;
    private static final int ATTEMPTS = 10;

    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final SiteGrants grants;

    SiteReturn(DirectoryAccess directory, ShardhomeProperties properties, SiteGrants grants) {
        this.directory = directory;
        this.properties = properties;
        this.grants = grants;
    }

    /**
     * @throws ServiceException {@code FAILOVER_REFUSED} when the site is not DOWN or cannot be fenced;
     *     {@code MASTER_FAILED} when it cannot be reached or its binlog read
     */
    public ReturnBody returnSite(String name, String actor) throws InterruptedException {
        DirectoryStore store = directory.storeFor(actor);
        DirectorySnapshot snapshot = store.read();
        Site site = require(snapshot, name, SiteState.DOWN, "return");
        CopyFence.Result fenced = fence(site);
        Map<String, GtidSet> processed = new LinkedHashMap<>();
        for (Site s : snapshot.sites().values()) {
            if (s.state() == SiteState.ACTIVE) {
                processed.put(s.name(), SurvivorPositions.processedOf(name, s, properties));
            }
        }
        OrphanReader.Result read =
                new OrphanReader(SurvivorPositions.endpoint(site, properties), processed, LISTED).read();
        List<String> reseed = reseed(snapshot, name, read.orphans());
        setState(store, name, SiteState.JOINING);
        store.recordAction("site.return", name + " returned fenced with " + read.total() + " orphan(s)", audit(read));
        log.warn("site {} returned, fenced; {} orphan(s) after {} (never applied)", name, read.total(), read.from());
        return new ReturnBody(
                name,
                SiteState.JOINING.name(),
                read.from().toString(),
                read.to().toString(),
                fenced.revoked(),
                fenced.killed(),
                read.orphans(),
                read.total(),
                reseed,
                "re-seed each listed shard at " + name + " ('shardhome shard reseed SHARD --site " + name + "'),"
                        + " then 'shardhome site activate " + name + "'");
    }

    /**
     * Starts the links from the site after its current position (past its orphans) and marks it ACTIVE.
     *
     * @throws ServiceException {@code FAILOVER_REFUSED} when it is not JOINING
     */
    public String activate(String name, String actor) {
        DirectoryStore store = directory.storeFor(actor);
        DirectorySnapshot snapshot = store.read();
        Site site = require(snapshot, name, SiteState.JOINING, "activate");
        GtidSet now = SurvivorPositions.ownPosition(site, properties);
        for (Site s : snapshot.sites().values()) {
            if (s.state() != SiteState.ACTIVE) {
                continue;
            }
            String linkId = new LinkRoles(name, s.name()).linkId();
            Catalog.atTarget(
                    SurvivorPositions.endpoint(s, properties), "moving link " + linkId + " past the orphans", c -> {
                        Catalog.forget(c, linkId);
                        Catalog.create(c, new LinkPosition(linkId, name, now, "", null), s.name());
                        return null;
                    });
        }
        setState(store, name, SiteState.ACTIVE);
        store.recordAction("site.activate", name + " is ACTIVE; its links start after " + now, List.of());
        return now.toString();
    }

    private CopyFence.Result fence(Site site) {
        CopyFence.Result fenced;
        try {
            fenced = grants.fenceCopies(site);
        } catch (SQLException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "site " + site.name() + " could not be fenced (" + e.getMessage() + "); it stays DOWN: fix the"
                            + " cause and run the return again",
                    Map.of("site", site.name()),
                    e);
        }
        if (!fenced.open().isEmpty()) {
            throw FailoverPlan.refused("site " + site.name() + " is not fenced: " + fenced.open()
                    + "; it stays DOWN until nobody but trusted accounts can write its copies");
        }
        return fenced;
    }

    /** Shards the site homed before it died, and shards with orphans: their copies there must be rebuilt. */
    private static List<String> reseed(DirectorySnapshot snapshot, String site, List<Orphan> orphans) {
        TreeSet<String> shards = new TreeSet<>();
        for (ShardDefinition d : snapshot.shardMap().asMap().values()) {
            if (!d.home().isSite(site)
                    && d.history().tenures().stream()
                            .anyMatch(t -> t.site().equals(site) && t.ending() == Tenure.Ending.LOST)) {
                shards.add(d.shardId());
            }
        }
        orphans.stream()
                .map(Orphan::shard)
                .filter(s -> snapshot.entry(s) != null)
                .forEach(shards::add);
        return List.copyOf(shards);
    }

    private static List<AuditRecord.Change> audit(OrphanReader.Result read) {
        List<AuditRecord.Change> changes = new ArrayList<>();
        for (Orphan o : read.orphans()) {
            if (changes.size() >= AuditRecord.MAX_DETAILED_CHANGES) {
                break;
            }
            changes.add(new AuditRecord.Change(
                    "orphan:" + o.gtid(), o.shard(), o.rows().toString()));
        }
        return changes;
    }

    private static Site require(DirectorySnapshot snapshot, String name, SiteState state, String action) {
        Site site = snapshot.site(name);
        if (site == null) {
            throw new ServiceException(
                    Code.SITE_NOT_FOUND, "site '" + name + "' is not registered; check the name (GET /api/v1/sites)");
        }
        if (site.state() != state) {
            throw FailoverPlan.refused("site '" + name + "' is " + site.state() + ", not " + state + ": "
                    + (state == SiteState.DOWN
                            ? "only a failed-over (DOWN) site returns"
                            : "run 'shardhome site return " + name + "' first (it fences the site and lists its"
                                    + " orphans)")
                    + " (" + action + ")");
        }
        return site;
    }

    private static void setState(DirectoryStore store, String name, SiteState state) {
        DirectoryException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long version = store.version();
            Site current = store.site(name).orElseThrow();
            try {
                store.updateSite(current.withState(state), version);
                return;
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw DirectoryErrors.translate(e);
                }
                last = e;
            }
        }
        throw DirectoryErrors.translate(last);
    }
}
