package io.shardhome.links;

import java.time.Instant;
import java.util.Objects;

/**
 * One transaction an operator told a stopped link to skip: what it held, who asked, when it was passed.
 * Immutable.
 */
public record SkipRecord(TransactionSummary transaction, String by, Instant requestedAt, Instant skippedAt) {
    public SkipRecord {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(skippedAt, "skippedAt");
    }
}
