package io.shardhome.spring;

import io.shardhome.client.MapSource;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work of one shard again when a move's fence interrupted it before it committed ({@link
 * MoveFailures}), as long as the shard's map shows that fence: at most {@code budget} after the work
 * first started (the fence wait). The next attempt waits out the fence in the routing DataSource and goes
 * to the shard's (new) home. Only for work that owns its transaction, and only when that transaction is
 * known to have rolled back ({@link CommitWatch}): never after a failed commit. Thread-safe.
 */
final class MoveRetry {
    private static final Logger LOG = LoggerFactory.getLogger(MoveRetry.class);

    /** One attempt of the work. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Throwable;
    }

    private final Supplier<MapSource> sources;
    private final Duration budget;

    /** @param sources the application's map source, looked up when a failure needs it */
    MoveRetry(Supplier<MapSource> sources, Duration budget) {
        this.sources = sources;
        this.budget = budget;
    }

    /**
     * Runs the work, again while a fence interrupts it, within the budget.
     *
     * @param readOnly the work only reads: running it again is safe whatever became of its transaction
     */
    <T> T call(String shard, boolean readOnly, Attempt<T> attempt) throws Throwable {
        long started = System.nanoTime();
        for (int tries = 1; ; tries++) {
            CommitWatch.reset();
            try {
                return attempt.run();
            } catch (Throwable failure) {
                long left = budget.toNanos() - (System.nanoTime() - started);
                if (left <= 0
                        || !(readOnly || CommitWatch.rolledBackCleanly())
                        || !MoveFailures.interruptedByFence(failure)
                        || !fenceSeen(shard, started - budget.toNanos(), left)) {
                    throw failure;
                }
                LOG.debug(
                        "shard {}: attempt {} was interrupted by a move's fence ({}); running it again",
                        shard,
                        tries,
                        failure.toString());
            }
        }
    }

    /**
     * Waits, at most the rest of the budget, until the map shows the shard fenced (or moved) since {@code
     * sinceNanos} (a budget before the work started: a write right after a move may meet the move's last
     * steps): the master can refuse a write before the fence reaches this process's map, and on a busy
     * machine that can take a while. A refusal no fence explains is the application's own error.
     */
    private boolean fenceSeen(String shard, long sinceNanos, long leftNanos) throws InterruptedException {
        MapSource source = sources.get();
        long deadline = System.nanoTime() + leftNanos;
        while (true) {
            long version = source.snapshot().version();
            if (fencedSince(source, shard, sinceNanos)) {
                return true;
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return false;
            }
            source.awaitNewerThan(version, Duration.ofNanos(wait));
        }
    }

    private static boolean fencedSince(MapSource source, String shard, long sinceNanos) {
        ShardEntry entry = source.snapshot().entry(shard);
        if (entry != null && entry.state() == ShardState.FENCED) {
            return true;
        }
        OptionalLong fenced = source.lastFencedNanos(shard);
        return fenced.isPresent() && fenced.getAsLong() - sinceNanos >= 0;
    }
}
