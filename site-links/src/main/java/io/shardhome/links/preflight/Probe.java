package io.shardhome.links.preflight;

import io.shardhome.links.preflight.PreflightFailure.Role;
import java.util.Arrays;
import java.util.List;

/**
 * A harmless statement run on the link's own account to learn whether it may do what the link will do:
 * privileges are tested by doing, not by reading grants (roles, PUBLIC and version-specific privilege
 * names all count). Each leaves the session as it was. A refusal (error 1227) names the privilege missing.
 */
public enum Probe {
    /** Source: the reader asks for the source's binlog files and positions (BINLOG MONITOR / REPLICATION CLIENT). */
    BINLOG_POSITIONS(
            Role.SOURCE, true, true, "SHOW BINARY LOGS", "the link reads the source's binlog files and positions"),
    /** Target, MariaDB: origin marking (BINLOG REPLAY). MySQL has no session server_id. */
    ORIGIN_SERVER_ID(
            Role.TARGET,
            true,
            false,
            "SET SESSION server_id=@@GLOBAL.server_id",
            "the applier marks every transaction it applies with the source's server_id (SET SESSION server_id),"
                    + " so that the reverse link can tell it from a local write"),
    /** Target, MariaDB: rows are replayed with BINLOG (BINLOG REPLAY); a format description event changes nothing. */
    BINLOG_REPLAY(
            Role.TARGET,
            true,
            false,
            "BINLOG '<format description event>'",
            "rows are replayed with BINLOG statements, as a native replica or a mariadb-binlog replay applies them"),
    /** Target: DDL runs with the source's timestamp (refused under secure_timestamp=YES, or without BINLOG REPLAY). */
    DDL_TIMESTAMP(
            Role.TARGET,
            true,
            true,
            "SET SESSION timestamp=@@timestamp",
            "DDL runs with the source's timestamp (ALTER TABLE ... ADD COLUMN ... DEFAULT CURRENT_TIMESTAMP fills the"
                    + " existing rows with the statement's time)"),
    /** Target, MariaDB: the applier turns annotate events off (BINLOG ADMIN). */
    ANNOTATE_OFF(
            Role.TARGET,
            true,
            false,
            "SET SESSION binlog_annotate_row_events=@@SESSION.binlog_annotate_row_events",
            "the applier sets binlog_annotate_row_events=0, so the target's binlog does not carry the text of the"
                    + " BINLOG statements"),
    /** Target: position-only catalog updates are not logged (MariaDB BINLOG ADMIN; MySQL SYSTEM_VARIABLES_ADMIN). */
    UNLOGGED_WRITES(
            Role.TARGET,
            true,
            true,
            "SET SESSION sql_log_bin=@@SESSION.sql_log_bin",
            "position-only updates of the catalog are written with sql_log_bin=0; logged, the reverse link would"
                    + " bounce them between the sites");

    private final Role role;
    private final boolean onMariaDb;
    private final boolean onMySql;
    private final String statement;
    private final String why;

    Probe(Role role, boolean onMariaDb, boolean onMySql, String statement, String why) {
        this.role = role;
        this.onMariaDb = onMariaDb;
        this.onMySql = onMySql;
        this.statement = statement;
        this.why = why;
    }

    /** The probes for one end of a link on one flavour, in the order they run. */
    public static List<Probe> of(Role role, boolean mariaDb) {
        return Arrays.stream(values())
                .filter(p -> p.role == role && (mariaDb ? p.onMariaDb : p.onMySql))
                .toList();
    }

    /** The statement as an operator reads it (the BINLOG probe's event shown as a placeholder). */
    public String statement() {
        return statement;
    }

    /** Why the link needs what this probe tests. */
    public String why() {
        return why;
    }

    /** The statement to run at a server of {@code version} ({@code SELECT VERSION()}). */
    String sql(String version) {
        return this == BINLOG_REPLAY ? "BINLOG '" + FormatDescriptionEvent.mariaDbBase64(version) + "'" : statement;
    }

    /** The statement that puts the session back as it was after the probe ran, or empty. */
    String undo() {
        return this == DDL_TIMESTAMP ? "SET SESSION timestamp=DEFAULT" : "";
    }
}
