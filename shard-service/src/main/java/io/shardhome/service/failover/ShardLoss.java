package io.shardhome.service.failover;

import io.shardhome.filter.gtid.GtidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a failover may have lost of one shard: the dead site's transactions its new home processed (the
 * link's catalog at the new home) against the last position the dead site was known to have (the status its
 * links published). Survivors cannot tell which of the missing transactions were this shard's: that is known
 * when the dead site returns and its orphans are read from its binlog. Immutable.
 *
 * @param shard the shard
 * @param newHome the surviving site that takes it
 * @param shippedUpTo the dead site's GTID set the new home had processed (empty: nothing)
 * @param lastKnown the dead site's last known GTID position (empty: unknown)
 * @param unshipped how many of the dead site's transactions the new home lacks (-1: unknown)
 * @param survivors what every survivor had processed of the dead site, by site
 * @param reseed survivors that processed more of the dead site than the new home: their copy of the shard may
 *     hold transactions the new home lacks, so they need a re-seed from the new home
 * @param summary the report line, e.g. "acme: transactions of nyc after 1-1-5000 up to 1-1-5012 were not
 *     shipped to sjc"
 */
public record ShardLoss(
        String shard,
        String newHome,
        String shippedUpTo,
        String lastKnown,
        long unshipped,
        Map<String, String> survivors,
        List<String> reseed,
        String summary) {
    public ShardLoss {
        survivors = Map.copyOf(survivors);
        reseed = List.copyOf(reseed);
    }

    /**
     * @param processed what each survivor processed of the dead site (must hold {@code newHome})
     * @param lastKnown the dead site's last known position, or empty when unknown
     */
    static ShardLoss of(String shard, String dead, String newHome, Map<String, GtidSet> processed, GtidSet lastKnown) {
        return of(shard, dead, newHome, processed, lastKnown, -1);
    }

    /**
     * @param knownAgeSeconds how long before the failover the last known position was measured (-1: not
     *     known)
     */
    static ShardLoss of(
            String shard,
            String dead,
            String newHome,
            Map<String, GtidSet> processed,
            GtidSet lastKnown,
            long knownAgeSeconds) {
        GtidSet shipped = processed.getOrDefault(newHome, GtidSet.EMPTY);
        Map<String, String> bySite = new TreeMap<>();
        List<String> reseed = new ArrayList<>();
        processed.forEach((site, set) -> {
            bySite.put(site, set.toString());
            if (!site.equals(newHome) && shipped.behind(set) > 0) {
                reseed.add(site);
            }
        });
        long unshipped = lastKnown.isEmpty() ? -1 : shipped.behind(lastKnown);
        String summary = summary(shard, dead, newHome, shipped, lastKnown, unshipped, knownAgeSeconds);
        if (!reseed.isEmpty()) {
            summary += "; " + String.join(", ", reseed) + " processed more of " + dead + " than " + newHome
                    + ": re-seed " + shard + " there from " + newHome;
        }
        return new ShardLoss(
                shard, newHome, shipped.toString(), lastKnown.toString(), unshipped, bySite, reseed, summary);
    }

    private static String summary(
            String shard,
            String dead,
            String newHome,
            GtidSet shipped,
            GtidSet lastKnown,
            long unshipped,
            long knownAgeSeconds) {
        String when = knownAgeSeconds < 0 ? "" : ", measured " + knownAgeSeconds + " s before the failover";
        String after = shipped.isEmpty() ? "from the start" : "after " + shipped;
        if (lastKnown.isEmpty()) {
            return shard + ": the last position of " + dead + " is unknown (no link from it published one); "
                    + newHome + " has its transactions up to " + (shipped.isEmpty() ? "none" : shipped)
                    + "; later ones are listed as orphans when " + dead + " returns";
        }
        if (unshipped == 0) {
            return shard + ": nothing lost as far as known: " + newHome + " has every transaction " + dead
                    + " was last known to have (" + lastKnown + when + "); anything " + dead
                    + " committed later is listed as an orphan when it returns";
        }
        return shard + ": transactions of " + dead + " " + after + " up to " + lastKnown + when
                + " were not shipped to " + newHome + " (" + unshipped + " of " + dead
                + "'s transactions, of this or other shards; the"
                + " orphans are listed when " + dead + " returns)";
    }
}
