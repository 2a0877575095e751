package io.shardhome.spring;

import io.shardhome.directory.client.CrossShardException;
import io.shardhome.directory.client.ShardFencedException;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.transaction.TransactionException;

/**
 * Which failures of a unit of work a move's fence can cause and leave nothing behind, so the work may run
 * again: the statement refused because the application's grants had just been revoked at the old home
 * (the fence reached the master before this process's map), or the session killed by the fence before the
 * transaction committed. A failure while committing is never one of them: whether the commit happened is
 * unknown, and running the work again could apply it twice. Pure.
 */
final class MoveFailures {
    /** Access denied for a table, a column, a database (the grants a fence revokes). */
    static final Set<Integer> DENIED = Set.of(1142, 1143, 1044);
    /** The session was killed or the server went away mid-statement. */
    static final Set<Integer> KILLED = Set.of(1927, 1053, 2006, 2013);

    private MoveFailures() {}

    /** Whether {@code failure} is one a fence causes before anything commits. */
    static boolean interruptedByFence(Throwable failure) {
        boolean byFence = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionException
                    || t instanceof CrossShardException
                    || t instanceof ShardFencedException) {
                return false; // commit outcome unknown, a programming error, or the wait already ran out
            }
            if (t instanceof SQLException sql && fenceLike(sql)) {
                byFence = true;
            }
        }
        return byFence;
    }

    private static boolean fenceLike(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return DENIED.contains(e.getErrorCode())
                || KILLED.contains(e.getErrorCode())
                || state.startsWith("08")
                || state.equals("70100");
    }
}
