package io.shardhome.links.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a link needs of its target master. Pure: judges {@link ServerFacts}.
 *
 * <p>The replica settings below were verified on MariaDB 11.4 to act on BINLOG statements that a client
 * session executes, not only on the replica SQL thread: each changed what a replayed row event did (see
 * docs/site-links.md, "Source and target requirements"). The replication filters ({@code replicate_do_db},
 * {@code replicate_ignore_db}, {@code replicate_wild_ignore_table}) were verified not to, so they are not
 * checked. The account's privileges are probed by running harmless statements ({@link Probe}).
 */
final class TargetRequirements {
    private TargetRequirements() {}

    static List<PreflightFailure> evaluate(ServerFacts target) {
        List<PreflightFailure> failures = new ArrayList<>();
        execMode(target, failures);
        triggers(target, failures);
        typeConversions(target, failures);
        skipErrors(target, failures);
        readOnly(target, failures);
        if (!target.mariaDb()) {
            mySqlBinlogPrivilege(target, failures);
        }
        failures.addAll(ProbeFailures.of(target));
        return failures;
    }

    /**
     * {@code slave_exec_mode=STRICT}: under IDEMPOTENT a replayed INSERT of a row that exists overwrites
     * it, and an UPDATE or DELETE of a row that is missing does nothing, without an error: a diverged copy
     * would go unnoticed. Verified with client BINLOG statements on MariaDB 11.4 (STRICT: errors 1062 and
     * 1032).
     */
    private static void execMode(ServerFacts target, List<PreflightFailure> failures) {
        String name =
                target.firstPresent("slave_exec_mode", "replica_exec_mode").orElse("slave_exec_mode");
        Expect.value(
                failures,
                target,
                name,
                "STRICT",
                true,
                "IDEMPOTENT lets a replayed row that is missing (UPDATE, DELETE) or already there (INSERT) pass"
                        + " without an error, so a diverged copy goes unnoticed");
    }

    /**
     * MariaDB {@code slave_run_triggers_for_rbr=NO}: YES, LOGGING or ENFORCE fire the copy's triggers for
     * every replayed row, though the source's trigger effects already are rows of the same transaction:
     * they would be applied twice. (MySQL never runs triggers for row events.)
     */
    private static void triggers(ServerFacts target, List<PreflightFailure> failures) {
        if (target.mariaDb()) {
            Expect.value(
                    failures,
                    target,
                    "slave_run_triggers_for_rbr",
                    "NO",
                    false,
                    "otherwise the copy's triggers fire for every replayed row, and their effects, already"
                            + " replayed as rows from the source, are applied twice");
        }
    }

    /**
     * {@code slave_type_conversions} empty: with ALL_LOSSY a value that does not fit the copy's column is
     * truncated (BIGINT 5000000000 into INT became 2147483647), and even ALL_NON_LOSSY turned TINYINT
     * UNSIGNED 255 into SMALLINT -1. With no conversions a column whose type differs stops the link.
     */
    private static void typeConversions(ServerFacts target, List<PreflightFailure> failures) {
        String name = target.firstPresent("slave_type_conversions", "replica_type_conversions")
                .orElse("slave_type_conversions");
        Expect.value(
                failures,
                target,
                name,
                "",
                false,
                "conversions change values silently where the copy's column type differs (ALL_LOSSY truncates;"
                        + " ALL_NON_LOSSY turned TINYINT UNSIGNED 255 into SMALLINT -1); without them the link stops");
    }

    /**
     * {@code slave_skip_errors=OFF}: the listed errors are ignored for client BINLOG statements too. With
     * 1032,1062 a replayed event meeting a duplicate key was skipped whole (the rows after it in the event
     * too) and no error reached the session: silent loss. Startup-only, so the fix is my.cnf and a restart.
     */
    private static void skipErrors(ServerFacts target, List<PreflightFailure> failures) {
        String name =
                target.firstPresent("slave_skip_errors", "replica_skip_errors").orElse("slave_skip_errors");
        Expect.value(
                failures,
                target,
                name,
                "OFF",
                false,
                "the errors it lists are ignored for replayed events too: an event meeting one is skipped whole,"
                        + " without an error",
                "remove " + name + " from my.cnf and from the server's command line, then restart the server (it"
                        + " cannot be changed while the server runs)");
    }

    /**
     * {@code read_only=OFF}: MariaDB's read_only refuses the link's writes too (error 1290, also for BINLOG
     * statements), unless the account holds READ_ONLY ADMIN (SUPER no longer includes it in MariaDB 11).
     * MySQL: {@code super_read_only} refuses everyone; {@code read_only} is required OFF as well (simple
     * rule; MySQL lets SUPER/CONNECTION_ADMIN through, not run here).
     */
    private static void readOnly(ServerFacts target, List<PreflightFailure> failures) {
        String why = "a read-only server refuses the link's writes";
        if (!target.mariaDb()) {
            Expect.value(failures, target, "super_read_only", "OFF", false, why);
            Expect.value(failures, target, "read_only", "OFF", true, why);
            return;
        }
        Optional<String> readOnly = target.variable("read_only");
        String value = readOnly.orElse(Expect.NOT_REPORTED).toUpperCase(Locale.ROOT);
        boolean adminPasses = !value.contains("NO_ADMIN") && target.holds("READ_ONLY ADMIN");
        if (value.equals("OFF") || adminPasses) {
            return;
        }
        failures.add(target.failure(
                "read_only",
                readOnly.orElse(Expect.NOT_REPORTED),
                "OFF, or READ_ONLY ADMIN for " + target.account(),
                why + " (error 1290) unless its account holds READ_ONLY ADMIN",
                target.setGlobal("read_only", "OFF") + "; or, if the site is read-only on purpose, "
                        + target.grant("READ_ONLY ADMIN")));
    }

    /**
     * MySQL 8 (not run here): BINLOG needs BINLOG_ADMIN (or SUPER, or REPLICATION_APPLIER plus the
     * privileges of each event), per the MySQL manual; read from SHOW GRANTS.
     */
    private static void mySqlBinlogPrivilege(ServerFacts target, List<PreflightFailure> failures) {
        if (!target.holds("BINLOG_ADMIN") && !target.holds("SUPER") && !target.holds("REPLICATION_APPLIER")) {
            failures.add(target.failure(
                    "privilege BINLOG_ADMIN of " + target.account(),
                    "missing (SHOW GRANTS lists " + SourceRequirements.listed(target) + " ON *.*)",
                    "BINLOG_ADMIN",
                    Probe.BINLOG_REPLAY.why(),
                    target.grant("BINLOG_ADMIN")));
        }
    }
}
