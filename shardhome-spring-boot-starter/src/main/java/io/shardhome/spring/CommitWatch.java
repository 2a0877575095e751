package io.shardhome.spring;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link MoveRetry} what became of the transactions an attempt ran on this thread: whether one
 * began under the transaction manager this listener is registered with (Spring Boot registers listener
 * beans with the transaction manager it configures), and whether any commit started. Running the work
 * again is safe only if none did: a commit that succeeded (an inner REQUIRES_NEW transaction, say) would
 * be repeated, and one that failed (the session was killed while committing) may have happened at the
 * server; Spring's JDBC transaction manager even reports that failure as a rollback, so the start of a
 * commit is what counts. Thread-confined state; the bean is stateless.
 */
public final class CommitWatch implements TransactionExecutionListener {
    private static final ThreadLocal<int[]> SEEN = ThreadLocal.withInitial(() -> new int[2]);
    private static final int BEGAN = 0;
    private static final int COMMITS_STARTED = 1;

    /** Starts watching a new attempt on this thread. */
    static void reset() {
        int[] seen = SEEN.get();
        seen[BEGAN] = 0;
        seen[COMMITS_STARTED] = 0;
    }

    /**
     * Whether a transaction began on this thread since {@link #reset()} and no commit started: whatever
     * the attempt did was rolled back, nothing of it can have committed.
     */
    static boolean rolledBackCleanly() {
        int[] seen = SEEN.get();
        return seen[BEGAN] > 0 && seen[COMMITS_STARTED] == 0;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        SEEN.get()[BEGAN]++;
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        SEEN.get()[COMMITS_STARTED]++;
    }
}
