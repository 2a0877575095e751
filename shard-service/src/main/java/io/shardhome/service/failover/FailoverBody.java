package io.shardhome.service.failover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a site failover: the plan (each shard's new home) with its loss report, and whether it was
 * carried out. Immutable.
 *
 * @param site the dead site
 * @param dryRun true when nothing was changed (the plan and report only)
 * @param mapVersion the map version that holds the failover (dry run: the version the plan was made from)
 * @param lastKnown the dead site's last known GTID position (empty: unknown)
 * @param shards each shard's new home and loss line, by shard name
 * @param warnings what could not be done and needs an operator (grants at a new home, ...)
 * @param tookMillis from the request to writes open at the new homes (the directory change and the grants)
 * @param phaseMillis where that time went: plan (directory read, checks), survivors (their positions),
 *     directory (the compare-and-set and the view catching up), grants (at the new homes)
 */
public record FailoverBody(
        String site,
        boolean dryRun,
        long mapVersion,
        String lastKnown,
        List<ShardLoss> shards,
        List<String> warnings,
        long tookMillis,
        Map<String, Long> phaseMillis) {
    public FailoverBody {
        shards = List.copyOf(shards);
        warnings = List.copyOf(warnings);
        phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    }
}
