package io.shardhome.links;

import java.util.Map;
import java.util.TreeMap;

/**
 * A link's status as published to the directory: plain JSON-mappable fields, no optionals. Immutable.
 *
 * @param state {@code OFFLINE}, {@code ONLINE} or {@code OFFLINE:ERROR}
 * @param pendingError the error code when OFFLINE:ERROR, else empty
 * @param pendingErrorGtid the transaction it stopped at (trepctl's pendingErrorSeqno)
 * @param pendingExceptionMessage what happened and what to do, without row values ({@link StatusRedaction})
 * @param dropped dropped transactions by reason name
 */
public record PublishedStatus(
        String linkId,
        String state,
        String gtidSet,
        String lastGtid,
        String binlogPosition,
        long lagSeconds,
        long lagTransactions,
        long applied,
        Map<String, Long> dropped,
        String pendingError,
        String pendingErrorGtid,
        String pendingErrorShard,
        String pendingExceptionMessage,
        String lastTransientError,
        long mapVersion,
        long publishedAtMillis) {
    public PublishedStatus {
        dropped = Map.copyOf(dropped);
    }

    public static PublishedStatus of(LinkStatus status, long nowMillis) {
        Map<String, Long> dropped = new TreeMap<>();
        status.dropped().forEach((reason, count) -> dropped.put(reason.name(), count));
        PendingError error = status.pendingError().orElse(null);
        return new PublishedStatus(
                status.linkId(),
                status.state().label(),
                status.gtidSet(),
                status.lastGtid(),
                status.binlogPosition(),
                status.lagSeconds(),
                status.lagTransactions(),
                status.applied(),
                dropped,
                error == null ? "" : error.code().name(),
                error == null ? "" : error.gtid(),
                error == null ? "" : error.shard(),
                error == null ? "" : StatusRedaction.redact(error.message()),
                StatusRedaction.redact(status.lastTransientError()),
                status.mapVersion(),
                nowMillis);
    }
}
