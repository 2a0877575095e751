package io.shardhome.links.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * What a link needs of its source master. Pure: judges {@link ServerFacts}.
 *
 * <p>Checked: {@code log_bin}, {@code binlog_format=ROW}, MariaDB {@code log_bin_compress=OFF} and {@code
 * binlog_alter_two_phase=OFF}, MySQL {@code gtid_mode=ON}, {@code enforce_gtid_consistency=ON}, {@code
 * binlog_transaction_compression=OFF} and {@code binlog_row_value_options=''}, and the account's REPLICATION
 * SLAVE and BINLOG MONITOR (MySQL: REPLICATION CLIENT). MariaDB always has GTIDs.
 *
 * <p>Deliberately not checked:
 *
 * <ul>
 *   <li>{@code binlog_checksum}: the reader negotiates it, and BINLOG replay carries the source's format
 *       description event, so NONE and CRC32 both work.
 *   <li>{@code binlog_row_image}: BINLOG replay finds rows as a native replica does, by the key in the
 *       before image; MINIMAL and NOBLOB log the primary key (all columns when a table has none), so
 *       UPDATE/DELETE replay identically. Verified on MariaDB 11.4: MINIMAL, NOBLOB and FULL_NODUP
 *       replayed through client BINLOG statements gave equal CHECKSUM TABLE for a table with a primary key
 *       (and an indexed virtual column), one with only a UNIQUE NOT NULL key and one without any key,
 *       under UPDATEs of key and non-key columns and DELETEs.
 *   <li>{@code binlog_row_metadata}: BINLOG replay needs no column names; a reader that decodes values
 *       needs FULL and should add the check back here.
 * </ul>
 */
final class SourceRequirements {
    private SourceRequirements() {}

    static List<PreflightFailure> evaluate(ServerFacts source) {
        List<PreflightFailure> failures = new ArrayList<>();
        binlog(source, failures);
        if (source.mariaDb()) {
            mariaDbEvents(source, failures);
        } else {
            mySqlEvents(source, failures);
        }
        replicationSlave(source, failures);
        failures.addAll(ProbeFailures.of(source));
        return failures;
    }

    /**
     * {@code log_bin=ON}: the link reads the binlog. {@code binlog_format=ROW}: under MIXED (MariaDB's
     * default) or STATEMENT, most DML is logged as statements, which the link does not replay: a
     * statement's effect at the copy may differ, and it carries no row origin.
     */
    private static void binlog(ServerFacts source, List<PreflightFailure> failures) {
        Expect.value(
                failures,
                source,
                "log_bin",
                "ON",
                true,
                "the link reads the source's binary log",
                source.restartWith("log_bin=mysql-bin"));
        Expect.value(
                failures,
                source,
                "binlog_format",
                "ROW",
                true,
                "the link replays row events; DML logged as statements (MIXED is MariaDB's default) is not replayed",
                source.setGlobal("binlog_format", "ROW")
                        + "; sessions already open keep their old format until they reconnect: restart the"
                        + " applications' connection pools (the link stops, naming the transaction, if it meets a"
                        + " statement-logged change)");
    }

    /**
     * MariaDB: {@code log_bin_compress=OFF}, since the reader (mysql-binlog-connector-java) knows no
     * compressed event types and cannot replay them; {@code binlog_alter_two_phase=OFF} (10.8+), since it
     * logs each ALTER TABLE twice (START ALTER when it begins, COMMIT ALTER when it ends, two GTIDs) and
     * the link applies DDL as one statement once it committed.
     */
    private static void mariaDbEvents(ServerFacts source, List<PreflightFailure> failures) {
        Expect.value(
                failures,
                source,
                "log_bin_compress",
                "OFF",
                false,
                "compressed binlog events cannot be read or replayed by the link",
                source.setGlobal("log_bin_compress", "OFF")
                        + "; transactions logged compressed before stay so: start the link at a GTID after the"
                        + " change, or re-seed the copies");
        Expect.value(
                failures,
                source,
                "binlog_alter_two_phase",
                "OFF",
                false,
                "ON logs an ALTER TABLE as START ALTER and COMMIT ALTER (two GTIDs); the link applies DDL once,"
                        + " whole, after it committed");
    }

    /**
     * MySQL 8 (cannot run here; written from the MySQL manual): GTIDs on and consistent, as the link
     * positions itself and resumes by GTID set; no transaction compression (one TRANSACTION_PAYLOAD event
     * per transaction, not the row events the link replays); no partial JSON updates (PARTIAL_UPDATE_ROWS
     * events carry diffs, not rows).
     */
    private static void mySqlEvents(ServerFacts source, List<PreflightFailure> failures) {
        Expect.value(
                failures,
                source,
                "gtid_mode",
                "ON",
                true,
                "the link positions itself and resumes by GTID set",
                "SET GLOBAL enforce_gtid_consistency=ON; then SET GLOBAL gtid_mode=OFF_PERMISSIVE; SET GLOBAL"
                        + " gtid_mode=ON_PERMISSIVE; wait until Ongoing_anonymous_transaction_count is 0; SET GLOBAL"
                        + " gtid_mode=ON; and " + source.myCnf("gtid_mode=ON and enforce_gtid_consistency=ON"));
        Expect.value(
                failures,
                source,
                "enforce_gtid_consistency",
                "ON",
                true,
                "with gtid_mode=ON, statements that cannot be logged with a GTID must be refused at the source");
        Expect.value(
                failures,
                source,
                "binlog_transaction_compression",
                "OFF",
                false,
                "a compressed transaction is one TRANSACTION_PAYLOAD event, not the row events the link replays");
        Expect.value(
                failures,
                source,
                "binlog_row_value_options",
                "",
                false,
                "PARTIAL_JSON logs JSON updates as diffs (PARTIAL_UPDATE_ROWS events), not as rows");
    }

    /**
     * REPLICATION SLAVE: the link reads the binlog as a replica does (binlog dump). Read from {@code SHOW
     * GRANTS} (roles included), as no harmless statement needs it; BINLOG MONITOR is probed.
     */
    private static void replicationSlave(ServerFacts source, List<PreflightFailure> failures) {
        if (!source.holds("REPLICATION SLAVE")) {
            failures.add(source.failure(
                    "privilege REPLICATION SLAVE of " + source.account(),
                    "missing (SHOW GRANTS lists " + listed(source) + " ON *.*)",
                    "REPLICATION SLAVE",
                    "the link reads the binlog as a replica does (binlog dump)",
                    source.grant("REPLICATION SLAVE")));
        }
    }

    static String listed(ServerFacts facts) {
        return facts.globalPrivileges().isEmpty() ? "nothing" : String.join(", ", facts.globalPrivileges());
    }
}
