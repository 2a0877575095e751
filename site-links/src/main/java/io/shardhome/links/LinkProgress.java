package io.shardhome.links;

import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.links.target.LinkPosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What a link has done so far; written by the link's threads, read by status callers. Thread-safe. */
final class LinkProgress {
    private static final int SKIPS_KEPT = 20;

    private final AtomicLong applied = new AtomicLong();
    private final Map<Reason, AtomicLong> dropped = new EnumMap<>(Reason.class);
    private final Deque<SkipRecord> skips = new ArrayDeque<>();
    private volatile LinkPosition position;
    private volatile long lastCommitMillis;
    private volatile long lagTransactions = -1;
    private volatile String waiting = "";
    private volatile String sourceGtidSet = "";

    LinkProgress() {
        for (Reason reason : Reason.values()) {
            dropped.put(reason, new AtomicLong());
        }
    }

    /** Counts applied transactions (the applied position is reported by {@link #moved}). */
    void applied(int transactions, long commitMillis) {
        applied.addAndGet(transactions);
        if (commitMillis > 0) {
            lastCommitMillis = commitMillis;
        }
    }

    /** Same as {@link #applied(int, long)}, from a parallel channel's thread. */
    void countApplied(int transactions, long commitMillis) {
        applied(transactions, commitMillis);
    }

    void dropped(Reason reason, long commitMillis) {
        dropped.get(reason).incrementAndGet();
        if (commitMillis > 0) {
            lastCommitMillis = commitMillis;
        }
    }

    synchronized void skipped(SkipRecord record) {
        skips.addFirst(record);
        while (skips.size() > SKIPS_KEPT) {
            skips.removeLast();
        }
    }

    synchronized List<SkipRecord> skips() {
        return List.copyOf(skips);
    }

    /** The position applied (or passed by drops) at the target. */
    void moved(LinkPosition applied) {
        position = applied;
    }

    void lagTransactions(long behind) {
        lagTransactions = behind;
    }

    /** The source's own GTID position when the lag was last measured: what it was last known to hold. */
    void sourceGtidSet(String position) {
        sourceGtidSet = position;
    }

    String sourceGtidSet() {
        return sourceGtidSet;
    }

    /** What the link is waiting for, if anything (empty: nothing). */
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
