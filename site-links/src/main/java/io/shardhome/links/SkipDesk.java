package io.shardhome.links;

import io.shardhome.links.LinkException.Code;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator's request to skip the one transaction a link stopped at, between the operator (any thread)
 * and the link's session, which honours it when it reads that transaction again. Thread-safe.
 */
final class SkipDesk {
    /** A pending request. */
    record Request(String gtid, String by, Instant at) {}

    private final LinkProgress progress;
    private Request pending;

    SkipDesk(LinkProgress progress) {
        this.progress = progress;
    }

    /**
     * Asks to skip {@code gtid}, which must be the transaction the link stopped at.
     *
     * @throws LinkException {@code INVALID_USE} for any other transaction, or when the link is not stopped
     */
    synchronized void request(String linkId, PendingError error, String gtid, String by) {
        if (error == null || error.gtid().isEmpty()) {
            throw new LinkException(
                    Code.INVALID_USE,
                    "link " + linkId + " is not stopped at a transaction; skip is only for the transaction an"
                            + " OFFLINE:ERROR link stopped at");
        }
        if (!error.gtid().equals(gtid.strip())) {
            throw new LinkException(
                    Code.INVALID_USE,
                    "link " + linkId + " stopped at transaction " + error.gtid() + ", not " + gtid
                            + "; skip refuses any other transaction than the pending one");
        }
        pending = new Request(error.gtid(), by, Instant.now());
    }

    synchronized Optional<Request> pending() {
        return Optional.ofNullable(pending);
    }

    /** The session passed the requested transaction without applying it. */
    synchronized void done(TransactionSummary skipped) {
        if (pending != null && pending.gtid().equals(skipped.gtid())) {
            progress.skipped(new SkipRecord(skipped, pending.by(), pending.at(), Instant.now()));
            pending = null;
        }
    }
}
