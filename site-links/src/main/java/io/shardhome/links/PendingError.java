package io.shardhome.links;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a link is OFFLINE:ERROR (like {@code trepctl status}: pendingError, pendingErrorSeqno,
 * pendingExceptionMessage). Immutable.
 *
 * @param gtid the source transaction it stopped at (empty when none)
 * @param shard that transaction's shard (empty when not known)
 * @param transaction what that transaction holds (tables, row counts), when it was read whole
 */
public record PendingError(
        LinkException.Code code,
        String message,
        String gtid,
        String shard,
        Instant at,
        java.util.Optional<TransactionSummary> transaction) {
    public PendingError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        gtid = gtid == null ? "" : gtid;
        shard = shard == null ? "" : shard;
        Objects.requireNonNull(at, "at");
        transaction = transaction == null ? java.util.Optional.empty() : transaction;
    }

    public static PendingError of(LinkException e) {
        return new PendingError(e.code(), e.getMessage(), e.gtid(), e.shard(), Instant.now(), e.transaction());
    }
}
