package io.shardhome.links;

import io.shardhome.filter.rules.Decision.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of a link's status. Immutable.
 *
 * @param gtidSet the source GTID set processed (applied or dropped) so far
 * @param lagSeconds seconds between the source commit of the last processed transaction and now while
 *     behind; 0 when caught up
 * @param lagTransactions source transactions not yet processed (-1 when unknown)
 * @param applied transactions applied since the link object started
 * @param dropped transactions dropped since it started, by reason
 * @param pendingError why the link is OFFLINE:ERROR
 * @param lastTransientError the last fault it is retrying (empty once it is ONLINE again)
 * @param skips the transactions operators skipped, newest first (the last 20)
 * @param skipRequested the GTID of a requested skip not done yet, or empty
 * @param waiting what the link waits for before it can go on (empty: nothing)
 * @param excluded shards the link leaves out for now (their copies are being re-seeded)
 * @param sourceGtidSet the source's own GTID position when last measured (empty before): the last position the
 *     source is known to have had, which a failover's loss report compares with what was applied
 */
public record LinkStatus(
        String linkId,
        LinkState state,
        String gtidSet,
        String lastGtid,
        String binlogPosition,
        long lagSeconds,
        long lagTransactions,
        long applied,
        Map<Reason, Long> dropped,
        Optional<PendingError> pendingError,
        String lastTransientError,
        long mapVersion,
        List<SkipRecord> skips,
        String skipRequested,
        String waiting,
        Set<String> excluded,
        String sourceGtidSet) {
    public LinkStatus {
        sourceGtidSet = sourceGtidSet == null ? "" : sourceGtidSet;
        excluded = Set.copyOf(excluded);
        dropped = Map.copyOf(dropped);
        skips = List.copyOf(skips);
    }

    public long droppedFor(Reason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
