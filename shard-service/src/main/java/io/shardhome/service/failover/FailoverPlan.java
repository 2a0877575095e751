package io.shardhome.service.failover;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which surviving site takes each shard of a dead site, decided from one directory snapshot. With {@code
 * --to} every shard goes there; otherwise (spread, the default) each shard, in name order, goes to the
 * surviving ACTIVE site homing the fewest shards so far (ties by site name). Pure; immutable.
 *
 * @param deadSite the site being failed over
 * @param mapVersion the map version the plan was made from (the failover's compare-and-set expects it)
 * @param survivors the ACTIVE sites other than the dead one, by name
 * @param newHomes the new home of each of the dead site's shards, by shard name
 */
public record FailoverPlan(String deadSite, long mapVersion, List<String> survivors, Map<String, String> newHomes) {
    public FailoverPlan {
        survivors = List.copyOf(survivors);
        newHomes = Map.copyOf(new TreeMap<>(newHomes));
    }

    /**
     * @param to the one site to re-home every shard at, or null
     * @param spread spread the shards over the survivors (also what happens when {@code to} is null)
     * @throws ServiceException {@code SITE_NOT_FOUND} (the site or {@code to}), {@code INVALID_INPUT} (both
     *     {@code to} and spread), {@code FAILOVER_REFUSED} (already DOWN, no surviving site, {@code to} not
     *     ACTIVE or the dead site itself, a shard of the site FENCED by a move)
     */
    public static FailoverPlan of(DirectorySnapshot snapshot, String site, String to, boolean spread) {
        Site dead = snapshot.site(site);
        if (dead == null) {
            throw new ServiceException(
                    Code.SITE_NOT_FOUND, "site '" + site + "' is not registered; check the name (GET /api/v1/sites)");
        }
        if (dead.state() == SiteState.DOWN) {
            throw refused("site '" + site + "' is already DOWN (failed over); when it is back, run 'shardhome site"
                    + " return " + site + "' to fence it and list its orphans");
        }
        if (to != null && spread) {
            throw new ServiceException(
                    Code.INVALID_INPUT, "give either --to SITE or --spread, not both (failover of " + site + ")");
        }
        List<String> survivors = snapshot.sites().values().stream()
                .filter(s -> s.state() == SiteState.ACTIVE && !s.name().equals(site))
                .map(Site::name)
                .sorted()
                .toList();
        if (to != null) {
            requireTarget(snapshot, site, to);
        } else if (survivors.isEmpty()) {
            throw refused("site '" + site + "' has no surviving ACTIVE site to take its shards; register or"
                    + " re-activate another site first");
        }
        List<ShardEntry> shards = shardsOf(snapshot, site);
        Map<String, String> homes = to != null ? allTo(shards, to) : spread(snapshot, survivors, shards);
        return new FailoverPlan(site, snapshot.version(), survivors, homes);
    }

    private static void requireTarget(DirectorySnapshot snapshot, String site, String to) {
        Site target = snapshot.site(to);
        if (target == null) {
            throw new ServiceException(
                    Code.SITE_NOT_FOUND,
                    "--to site '" + to + "' is not registered; name an ACTIVE site (GET /api/v1/sites)");
        }
        if (to.equals(site)) {
            throw refused("--to names the dead site '" + site + "' itself; name a surviving ACTIVE site");
        }
        if (target.state() != SiteState.ACTIVE) {
            throw refused("--to site '" + to + "' is " + target.state() + ", not ACTIVE; name an ACTIVE site or"
                    + " use --spread");
        }
    }

    /** The site's shards; refuses when a move's fence holds one of them or targets the site. */
    private static List<ShardEntry> shardsOf(DirectorySnapshot snapshot, String site) {
        List<ShardEntry> homed = new ArrayList<>();
        List<String> moving = new ArrayList<>();
        for (ShardEntry entry : snapshot.sortedEntries()) {
            boolean involved = entry.home().isSite(site) || entry.moveTarget().equals(site);
            if (involved && !entry.isPlain()) {
                moving.add(entry.shardId() + " (" + entry.state() + " towards " + entry.moveTarget() + ")");
            } else if (entry.home().isSite(site)) {
                homed.add(entry);
            }
        }
        if (!moving.isEmpty()) {
            throw refused("shard(s) " + String.join(", ", moving) + " of site '" + site + "' are in a move;"
                    + " cancel the move(s) (POST /api/v1/moves/{id}/cancel) or wait for the sweep to unfence them,"
                    + " then retry the failover");
        }
        return homed;
    }

    private static Map<String, String> allTo(List<ShardEntry> shards, String to) {
        Map<String, String> homes = new TreeMap<>();
        shards.forEach(e -> homes.put(e.shardId(), to));
        return homes;
    }

    private static Map<String, String> spread(
            DirectorySnapshot snapshot, List<String> survivors, List<ShardEntry> shards) {
        Map<String, Integer> load = new TreeMap<>();
        survivors.forEach(s -> load.put(s, 0));
        for (ShardEntry entry : snapshot.sortedEntries()) {
            load.computeIfPresent(entry.home().toString(), (s, n) -> n + 1);
        }
        Map<String, String> homes = new TreeMap<>();
        for (ShardEntry entry : shards) {
            String least = survivors.get(0);
            for (String s : survivors) {
                if (load.get(s) < load.get(least)) {
                    least = s;
                }
            }
            homes.put(entry.shardId(), least);
            load.merge(least, 1, Integer::sum);
        }
        return homes;
    }

    static ServiceException refused(String message) {
        return new ServiceException(Code.FAILOVER_REFUSED, message);
    }
}
