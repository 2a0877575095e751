package io.shardhome.links;

import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.links.target.LinkPosition;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What a link has done so far; written by the link's thread, read by status callers. Thread-safe. */
final class LinkProgress {
    private final AtomicLong applied = new AtomicLong();
    private final Map<Reason, AtomicLong> dropped = new EnumMap<>(Reason.class);
    private volatile LinkPosition position;
    private volatile long lastCommitMillis;
    private volatile long lagTransactions = -1;
    private volatile String waiting = "";

    LinkProgress() {
        for (Reason reason : Reason.values()) {
            dropped.put(reason, new AtomicLong());
        }
    }

    void applied(int transactions, LinkPosition next, long commitMillis) {
        applied.addAndGet(transactions);
        moved(next, commitMillis);
    }

    /** Counts applied transactions without moving the position (parallel channels: see {@link #moved}). */
    void countApplied(int transactions, long commitMillis) {
        applied.addAndGet(transactions);
        if (commitMillis > 0) {
            lastCommitMillis = commitMillis;
        }
    }

    void dropped(Reason reason, LinkPosition next, long commitMillis) {
        dropped.get(reason).incrementAndGet();
        moved(next, commitMillis);
    }

    void moved(LinkPosition next, long commitMillis) {
        position = next;
        if (commitMillis > 0) {
            lastCommitMillis = commitMillis;
        }
    }

    void resumedAt(LinkPosition stored) {
        position = stored;
    }

    void lagTransactions(long behind) {
        lagTransactions = behind;
    }

    /** What the link waits for before its next transaction (empty: nothing). */
    void waiting(String what) {
        waiting = what;
    }

    String waiting() {
        return waiting;
    }

    LinkPosition position() {
        return position;
    }

    long applied() {
        return applied.get();
    }

    long lagTransactions() {
        return lagTransactions;
    }

    /** Seconds since the source commit of the last processed transaction, or 0 when caught up. */
    long lagSeconds(long nowMillis) {
        if (lagTransactions == 0 || lastCommitMillis == 0) {
            return 0;
        }
        return Math.max(0, (nowMillis - lastCommitMillis) / 1000);
    }

    Map<Reason, Long> droppedCounts() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        dropped.forEach((reason, count) -> {
            if (count.get() > 0) {
                counts.put(reason, count.get());
            }
        });
        return counts;
    }
}
