package io.shardhome.service.consistency;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a check request into a check record: which shards, at which copy sites, grouped into one part per
 * link (home to copy). Pure: reads only the snapshot it is given.
 */
final class CheckPlanner {
    private CheckPlanner() {}

    /**
     * @throws ServiceException {@code INVALID_INPUT} (nothing named, or both shards and all), {@code
     *     UNKNOWN_SHARD}, {@code UNKNOWN_SITE}, {@code CHECK_REFUSED} (a named shard has no copy to check there)
     */
    static CheckRecord plan(
            DirectorySnapshot snapshot, List<String> shards, boolean all, String site, String id, String by) {
        String only = site == null ? "" : site.strip();
        if (all == !(shards == null || shards.isEmpty())) {
            throw new ServiceException(
                    Code.INVALID_INPUT,
                    "name the shards to check"
                            + " ({\"shards\": [\"acme\"]}) or ask for all of them ({\"all\": true}), not both");
        }
        if (!only.isEmpty() && snapshot.site(only) == null) {
            throw new ServiceException(
                    Code.UNKNOWN_SITE, "site '" + only + "' is not registered; see GET /api/v1/sites");
        }
        List<ShardEntry> entries = new ArrayList<>();
        if (all) {
            snapshot.sortedEntries().stream().filter(e -> !e.home().isLocal()).forEach(entries::add);
        } else {
            for (String shard : shards) {
                ShardEntry entry = snapshot.entry(shard.strip());
                if (entry == null) {
                    throw new ServiceException(
                            Code.UNKNOWN_SHARD,
                            "shard '" + shard + "' is not in the map; check" + " the name (GET /api/v1/shards)");
                }
                if (entry.home().isLocal() || entry.home().isSite(only)) {
                    throw new ServiceException(
                            Code.CHECK_REFUSED,
                            "shard " + shard + " is homed at " + entry.home()
                                    + (entry.home().isLocal()
                                            ? " and has no copies"
                                            : ", so " + only + " holds no copy of it")
                                    + "; name a copy site (--site) or leave it out");
                }
                entries.add(entry);
            }
        }
        Map<String, List<String>> byLink = new TreeMap<>();
        for (ShardEntry entry : entries) {
            for (String copy : snapshot.sites().keySet()) {
                String home = entry.home().value();
                if (!copy.equals(home) && (only.isEmpty() || only.equals(copy))) {
                    byLink.computeIfAbsent(new LinkRoles(home, copy).linkId(), l -> new ArrayList<>())
                            .add(entry.shardId());
                }
            }
        }
        if (byLink.isEmpty()) {
            throw new ServiceException(
                    Code.CHECK_REFUSED,
                    "there is nothing to check: no shard homed at a site has" + " a copy "
                            + (only.isEmpty() ? "at another registered site" : "at " + only));
        }
        List<CheckRecord.CheckPart> parts = new ArrayList<>();
        byLink.forEach((link, linkShards) -> {
            String[] sites = link.split("->");
            parts.add(CheckRecord.CheckPart.pending(link, sites[0], sites[1], linkShards));
        });
        return new CheckRecord(id, by, Instant.now(), all ? List.of() : shards, all, only, parts);
    }
}
