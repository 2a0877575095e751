package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Classifies target SQL errors into link error codes. Pure. */
public final class SqlErrors {
    private static final Set<Integer> BUSY = Set.of(1205, 1213);
    private static final Set<Integer> SCHEMA = Set.of(1049, 1054, 1146, 1364, 1406, 1264, 1366);
    /** Errors of a DDL statement that was already applied before the link restarted. */
    private static final Set<Integer> ALREADY_APPLIED_DDL = Set.of(1007, 1008, 1050, 1051, 1060, 1061, 1091);

    private SqlErrors() {}

    public static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException
                || (state != null && state.startsWith("08"))
                || e.getErrorCode() == 1927 // MariaDB: connection was killed
                || e.getErrorCode() == 1053; // server shutdown in progress
    }

    public static boolean isAlreadyAppliedDdl(SQLException e) {
        return ALREADY_APPLIED_DDL.contains(e.getErrorCode());
    }

    /** The link error for a failed statement at {@code target}. */
    public static LinkException classify(SQLException e, String target, String what) {
        String detail = what + " at " + target + " failed: " + e.getMessage() + " (error " + e.getErrorCode() + ")";
        if (isConnectionLoss(e)) {
            return new LinkException(
                    Code.TARGET_UNAVAILABLE, detail + "; the link retries until the target is back", e);
        }
        if (BUSY.contains(e.getErrorCode())) {
            return new LinkException(Code.TARGET_BUSY, detail + "; the link retries the transaction", e);
        }
        if (SCHEMA.contains(e.getErrorCode())) {
            return new LinkException(
                    Code.SCHEMA_MISMATCH,
                    detail + "; make the target's schema match the"
                            + " source's (same databases, tables and columns), then resume the link",
                    e);
        }
        return new LinkException(Code.APPLY_FAILED, detail + "; fix the cause at the target, then resume the link", e);
    }
}
