package io.shardhome.links;

import io.shardhome.filter.rules.Decision.Reason;
import java.util.Map;
import java.util.Optional;

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
 * @param waiting what the link waits for before its next transaction, e.g. a moved shard's earlier home's
 *     link (empty when it waits for nothing)
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
        String waiting) {
    public LinkStatus {
        dropped = Map.copyOf(dropped);
        waiting = waiting == null ? "" : waiting;
    }

    public long droppedFor(Reason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
