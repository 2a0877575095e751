package io.shardhome.spring;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link MoveRetry} what became of the transactions an attempt ran on this thread: whether one
 * began under the transaction manager this listener is registered with (Spring Boot registers listener
 * beans with the transaction manager it configures), and whether a commit failed, after which whether
 * the work committed is unknown and it must not run again. Thread-confined state; the bean is stateless.
 */
public final class CommitWatch implements TransactionExecutionListener {
    private static final ThreadLocal<int[]> SEEN = ThreadLocal.withInitial(() -> new int[2]);
    private static final int BEGAN = 0;
    private static final int COMMIT_FAILED = 1;

    /** Starts watching a new attempt on this thread. */
    static void reset() {
        int[] seen = SEEN.get();
        seen[BEGAN] = 0;
        seen[COMMIT_FAILED] = 0;
    }

    /** Whether a transaction began on this thread since {@link #reset()} and none of its commits failed. */
    static boolean rolledBackCleanly() {
        int[] seen = SEEN.get();
        return seen[BEGAN] > 0 && seen[COMMIT_FAILED] == 0;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        SEEN.get()[BEGAN]++;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure != null) {
            SEEN.get()[COMMIT_FAILED]++;
        }
    }
}
