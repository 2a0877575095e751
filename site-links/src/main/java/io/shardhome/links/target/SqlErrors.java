package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies target SQL errors into link error codes, and keeps row values out of the messages (they are
 * published in link statuses). Pure.
 */
public final class SqlErrors {
    private static final Set<Integer> BUSY = Set.of(1205, 1213);
    /** A row the source changed is missing at the target, or one it inserted is already there. */
    private static final Set<Integer> DIVERGED = Set.of(1032, 1062, 1022, 1586, 1452, 1451);

    private static final Set<Integer> SCHEMA =
            Set.of(1049, 1054, 1146, 1364, 1406, 1264, 1366, 1677, 1535, 1050, 1051, 1091, 1060, 1061, 1292, 1265);
    private static final Set<Integer> PRIVILEGES = Set.of(1227, 1044, 1045, 1142, 1143, 1370);
    /** Errors of a DDL statement that was already applied before the link restarted. */
    private static final Set<Integer> ALREADY_APPLIED_DDL =
            Set.of(1007, 1008, 1050, 1051, 1060, 1061, 1091, 1359, 1360, 1304, 1305, 4090);
    /** A quoted value after "entry" or "value" in a server message: row data. */
    private static final Pattern VALUE =
            Pattern.compile("((?:entry|value:?|values?)\\s+)'(?:[^'\\\\]|\\\\.|'')*'", Pattern.CASE_INSENSITIVE);

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

    /** {@code message} without the row values a server quotes in it. */
    public static String withoutValues(String message) {
        return message == null ? "" : VALUE.matcher(message).replaceAll("$1<value>");
    }

    /** The link error for a failed statement at {@code target}. */
    public static LinkException classify(SQLException e, String target, String what) {
        String detail = what + " at " + target + " failed: " + withoutValues(e.getMessage()) + " (error "
                + e.getErrorCode() + ")";
        if (isConnectionLoss(e)) {
            return new LinkException(
                    Code.TARGET_UNAVAILABLE, detail + "; the link retries until the target is back", e);
        }
        if (BUSY.contains(e.getErrorCode())) {
            return new LinkException(Code.TARGET_BUSY, detail + "; the link retries the transaction", e);
        }
        if (DIVERGED.contains(e.getErrorCode())) {
            return new LinkException(
                    Code.DATA_DIVERGED,
                    detail + "; the copy has diverged from its home (a row the home changed is missing here, or one"
                            + " it inserted is already here): re-seed the copy (shardhome shard reseed SHARD --site"
                            + " TARGET rebuilds it from its home and passes this transaction), or skip this transaction"
                            + " and compare the shard (shardhome check SHARD --site TARGET)",
                    e);
        }
        if (SCHEMA.contains(e.getErrorCode())) {
            return new LinkException(
                    Code.SCHEMA_MISMATCH,
                    detail + "; make the target's schema match the"
                            + " source's (same databases, tables and columns), then resume the link",
                    e);
        }
        if (e.getErrorCode() == 1105) {
            return new LinkException(
                    Code.APPLY_FAILED,
                    detail + "; the target refused a replayed event without saying why (MariaDB writes the cause only"
                            + " to its error log): most often a column whose type differs between the sites; compare"
                            + " SHOW CREATE TABLE of the tables named here at both sites, read the target's error log,"
                            + " fix the target's table, then resume the link",
                    e);
        }
        if (PRIVILEGES.contains(e.getErrorCode())) {
            return new LinkException(
                    Code.APPLY_FAILED,
                    detail + "; grant the link's account at the target what the error names (a link needs write"
                            + " access to the shards and shardhome, and on MariaDB BINLOG REPLAY and BINLOG ADMIN), then"
                            + " resume the link",
                    e);
        }
        return new LinkException(Code.APPLY_FAILED, detail + "; fix the cause at the target, then resume the link", e);
    }
}
