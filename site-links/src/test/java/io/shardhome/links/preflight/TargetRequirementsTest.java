package io.shardhome.links.preflight;

import static io.shardhome.links.preflight.FactsBuilder.mariaDbTarget;
import static io.shardhome.links.preflight.FactsBuilder.mySqlTarget;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRequirementsTest {
    @Test
    void aTargetMeetingEveryRequirementPasses() {
        assertThat(TargetRequirements.evaluate(mariaDbTarget().build())).isEmpty();
        assertThat(TargetRequirements.evaluate(mySqlTarget().build())).isEmpty();
    }

    @Test
    void replicaSettingsThatHideOrChangeReplayedRowsAreEachNamedWithTheirFix() {
        List<PreflightFailure> failures = TargetRequirements.evaluate(mariaDbTarget()
                .with("slave_exec_mode", "IDEMPOTENT")
                .with("slave_run_triggers_for_rbr", "YES")
                .with("slave_type_conversions", "ALL_NON_LOSSY")
                .with("slave_skip_errors", "1032,1062")
                .build());

        assertThat(failures)
                .extracting(PreflightFailure::item)
                .containsExactly(
                        "slave_exec_mode", "slave_run_triggers_for_rbr", "slave_type_conversions", "slave_skip_errors");
        assertThat(failures)
                .extracting(PreflightFailure::fix)
                .satisfiesExactly(
                        fix -> assertThat(fix).startsWith("SET GLOBAL slave_exec_mode=STRICT;"),
                        fix -> assertThat(fix).startsWith("SET GLOBAL slave_run_triggers_for_rbr=NO;"),
                        fix -> assertThat(fix).startsWith("SET GLOBAL slave_type_conversions='';"),
                        fix -> assertThat(fix).contains("remove slave_skip_errors from my.cnf", "restart"));
        assertThat(failures.get(2).needed()).isEqualTo("'' (empty)");
    }

    @Test
    void mySqlReplicaNamesAreChecked() {
        List<PreflightFailure> failures = TargetRequirements.evaluate(mySqlTarget()
                .without("slave_exec_mode")
                .without("slave_type_conversions")
                .with("replica_exec_mode", "IDEMPOTENT")
                .with("replica_type_conversions", "ALL_LOSSY")
                .build());

        assertThat(failures)
                .extracting(PreflightFailure::item)
                .containsExactly("replica_exec_mode", "replica_type_conversions");
    }

    @Test
    void readOnlyIsRefusedUnlessTheAccountHoldsReadOnlyAdmin() {
        PreflightFailure failure = only(mariaDbTarget().with("read_only", "ON").privileges("SELECT", "SUPER"));

        assertThat(failure.item()).isEqualTo("read_only");
        assertThat(failure.fix()).contains("SET GLOBAL read_only=OFF", "GRANT READ_ONLY ADMIN ON *.* TO 'link'@'%';");
        assertThat(TargetRequirements.evaluate(mariaDbTarget()
                        .with("read_only", "ON")
                        .privileges("READ_ONLY ADMIN")
                        .build()))
                .isEmpty();
    }

    @Test
    void readOnlyWithoutAdminExceptionRefusesEvenReadOnlyAdmin() {
        assertThat(only(mariaDbTarget().with("read_only", "NO_LOCK_NO_ADMIN")).item())
                .isEqualTo("read_only");
    }

    @Test
    void mySqlSuperReadOnlyIsRefused() {
        assertThat(only(mySqlTarget().with("super_read_only", "ON")).item()).isEqualTo("super_read_only");
    }

    @Test
    void probesRefusedForOnePrivilegeGiveOneFailureNamingEveryStatementAndTheGrant() {
        PreflightFailure failure = only(mariaDbTarget()
                .denied(Probe.ORIGIN_SERVER_ID, "BINLOG REPLAY")
                .denied(Probe.BINLOG_REPLAY, "BINLOG REPLAY"));

        assertThat(failure.item()).isEqualTo("privilege BINLOG REPLAY of 'link'@'%'");
        assertThat(failure.actual())
                .isEqualTo("missing (SET SESSION server_id=@@GLOBAL.server_id and BINLOG '<format description event>'"
                        + " refused with error 1227)");
        assertThat(failure.needed()).isEqualTo("BINLOG REPLAY");
        assertThat(failure.why()).contains("server_id", "BINLOG statements");
        assertThat(failure.fix()).isEqualTo("GRANT BINLOG REPLAY ON *.* TO 'link'@'%';");
    }

    @Test
    void eachMissingPrivilegeIsItsOwnFailure() {
        List<PreflightFailure> failures = TargetRequirements.evaluate(mariaDbTarget()
                .denied(Probe.BINLOG_REPLAY, "BINLOG REPLAY")
                .denied(Probe.ANNOTATE_OFF, "BINLOG ADMIN")
                .denied(Probe.UNLOGGED_WRITES, "BINLOG ADMIN")
                .build());

        assertThat(failures)
                .extracting(PreflightFailure::fix)
                .containsExactly(
                        "GRANT BINLOG REPLAY ON *.* TO 'link'@'%';", "GRANT BINLOG ADMIN ON *.* TO 'link'@'%';");
    }

    @Test
    void secureTimestampNamesTheVariableNotAPrivilege() {
        PreflightFailure failure = only(mariaDbTarget()
                .with("secure_timestamp", "YES")
                .refused(
                        Probe.DDL_TIMESTAMP,
                        1290,
                        "The MariaDB server is running with the --secure-timestamp=YES option so it cannot execute"
                                + " this statement"));

        assertThat(failure.item()).isEqualTo("secure_timestamp");
        assertThat(failure.actual()).isEqualTo("YES");
        assertThat(failure.fix()).contains("secure_timestamp=REPLICATION", "restart");
    }

    @Test
    void anUnexpectedRefusalNamesTheStatementAndTheServersMessage() {
        PreflightFailure failure =
                only(mariaDbTarget().refused(Probe.BINLOG_REPLAY, 1575, "Decoding of base64 string failed"));

        assertThat(failure.item()).isEqualTo("statement BINLOG '<format description event>'");
        assertThat(failure.actual()).isEqualTo("refused with error 1575: Decoding of base64 string failed");
    }

    @Test
    void mySqlTargetNeedsBinlogAdminFromItsGrants() {
        PreflightFailure failure = only(mySqlTarget().privileges("SELECT", "INSERT"));

        assertThat(failure.fix()).isEqualTo("GRANT BINLOG_ADMIN ON *.* TO 'link'@'%';");
        assertThat(TargetRequirements.evaluate(
                        mySqlTarget().privileges("BINLOG_ADMIN").build()))
                .isEmpty();
    }

    private static PreflightFailure only(FactsBuilder facts) {
        List<PreflightFailure> failures = TargetRequirements.evaluate(facts.build());
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }
}
