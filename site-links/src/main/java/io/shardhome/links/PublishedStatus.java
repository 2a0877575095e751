package io.shardhome.links;

import java.util.List;
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
 * @param pendingTransaction what the transaction it stopped at holds (tables and row counts), when known
 * @param skips transactions operators skipped, newest first
 * @param skipRequested a requested skip not done yet (GTID), or empty
 * @param waiting what the link waits for before it can go on, or empty
 * @param excluded shards the link leaves out for now (their copies are being re-seeded)
 * @param sourceGtidSet the source's own GTID position when last measured: the last one it is known to have had
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
        long publishedAtMillis,
        TransactionSummary pendingTransaction,
        List<SkipRecord> skips,
        String skipRequested,
        String waiting,
        List<String> excluded,
        String sourceGtidSet) {
    public PublishedStatus {
        sourceGtidSet = sourceGtidSet == null ? "" : sourceGtidSet;
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        dropped = Map.copyOf(dropped);
        skips = skips == null ? List.of() : List.copyOf(skips);
        skipRequested = skipRequested == null ? "" : skipRequested;
        waiting = waiting == null ? "" : waiting;
    }

    /** A status without a pending transaction, skips or wait (what statuses published before them read as). */
    public PublishedStatus(
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
        this(
                linkId,
                state,
                gtidSet,
                lastGtid,
                binlogPosition,
                lagSeconds,
                lagTransactions,
                applied,
                dropped,
                pendingError,
                pendingErrorGtid,
                pendingErrorShard,
                pendingExceptionMessage,
                lastTransientError,
                mapVersion,
                publishedAtMillis,
                null,
                null,
                "",
                "",
                null,
                "");
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
                nowMillis,
                error == null ? null : error.transaction().orElse(null),
                status.skips(),
                status.skipRequested(),
                status.waiting(),
                status.excluded().stream().sorted().toList(),
                status.sourceGtidSet());
    }
}
