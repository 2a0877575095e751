package io.shardhome.links.preflight;

import static io.shardhome.links.preflight.FactsBuilder.mariaDbSource;
import static io.shardhome.links.preflight.FactsBuilder.mySqlSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceRequirementsTest {
    @Test
    void aSourceMeetingEveryRequirementPasses() {
        assertThat(SourceRequirements.evaluate(mariaDbSource().build())).isEmpty();
        assertThat(SourceRequirements.evaluate(mySqlSource().build())).isEmpty();
    }

    @Test
    void mixedFormatIsRefusedWithTheStatementTheMyCnfLineAndTheOpenSessionsCaveat() {
        PreflightFailure failure = only(mariaDbSource().with("binlog_format", "MIXED"));

        assertThat(failure.item()).isEqualTo("binlog_format");
        assertThat(failure.actual()).isEqualTo("MIXED");
        assertThat(failure.needed()).isEqualTo("ROW");
        assertThat(failure.fix())
                .contains("SET GLOBAL binlog_format=ROW", "in my.cnf under [mariadb]: binlog_format=ROW")
                .contains("sessions already open keep their old format");
        assertThat(failure.message())
                .startsWith("source nyc (127.0.0.1:3306, 11.4.5-MariaDB-log, server_id 1): binlog_format is MIXED,"
                        + " needs ROW. Why: ");
    }

    @Test
    void binlogOffNeedsARestartWithLogBin() {
        PreflightFailure failure = only(mariaDbSource().with("log_bin", "OFF"));

        assertThat(failure.item()).isEqualTo("log_bin");
        assertThat(failure.fix()).contains("log_bin=mysql-bin", "restart the server");
    }

    @Test
    void compressedBinlogAndTwoPhaseAlterAreRefused() {
        List<PreflightFailure> failures = SourceRequirements.evaluate(mariaDbSource()
                .with("log_bin_compress", "ON")
                .with("binlog_alter_two_phase", "ON")
                .build());

        assertThat(failures)
                .extracting(PreflightFailure::item)
                .containsExactly("log_bin_compress", "binlog_alter_two_phase");
        assertThat(failures.get(0).fix()).contains("SET GLOBAL log_bin_compress=OFF");
        assertThat(failures.get(1).fix()).contains("SET GLOBAL binlog_alter_two_phase=OFF");
    }

    @Test
    void aVersionWithoutTwoPhaseAlterHasNothingToTurnOff() {
        assertThat(SourceRequirements.evaluate(
                        mariaDbSource().without("binlog_alter_two_phase").build()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINIMAL", "NOBLOB", "FULL_NODUP"})
    void rowImageIsNotARequirementOfBinlogReplay(String image) {
        assertThat(SourceRequirements.evaluate(
                        mariaDbSource().with("binlog_row_image", image).build()))
                .isEmpty();
    }

    @Test
    void mySqlNeedsGtidsAndUncompressedFullRowEvents() {
        List<PreflightFailure> failures = SourceRequirements.evaluate(mySqlSource()
                .with("gtid_mode", "OFF")
                .with("enforce_gtid_consistency", "WARN")
                .with("binlog_transaction_compression", "ON")
                .with("binlog_row_value_options", "PARTIAL_JSON")
                .build());

        assertThat(failures)
                .extracting(PreflightFailure::item)
                .containsExactly(
                        "gtid_mode",
                        "enforce_gtid_consistency",
                        "binlog_transaction_compression",
                        "binlog_row_value_options");
        assertThat(failures.get(0).fix()).contains("gtid_mode=ON_PERMISSIVE", "[mysqld]");
        assertThat(failures.get(3).fix()).contains("SET GLOBAL binlog_row_value_options=''");
        assertThat(failures.get(3).needed()).isEqualTo("'' (empty)");
    }

    @Test
    void missingReplicationSlaveNamesTheGrant() {
        PreflightFailure failure = only(mariaDbSource().privileges("SELECT", "BINLOG MONITOR"));

        assertThat(failure.item()).isEqualTo("privilege REPLICATION SLAVE of 'link'@'%'");
        assertThat(failure.actual()).contains("SELECT, BINLOG MONITOR");
        assertThat(failure.fix()).isEqualTo("GRANT REPLICATION SLAVE ON *.* TO 'link'@'%';");
    }

    @Test
    void refusedPositionsProbeNamesBinlogMonitor() {
        PreflightFailure failure = only(mariaDbSource().denied(Probe.BINLOG_POSITIONS, "BINLOG MONITOR"));

        assertThat(failure.item()).isEqualTo("privilege BINLOG MONITOR of 'link'@'%'");
        assertThat(failure.actual()).contains("SHOW BINARY LOGS refused with error 1227");
        assertThat(failure.fix()).isEqualTo("GRANT BINLOG MONITOR ON *.* TO 'link'@'%';");
    }

    @Test
    void positionsProbeOnAServerWithoutBinlogIsLeftToTheLogBinCheck() {
        List<PreflightFailure> failures = SourceRequirements.evaluate(mariaDbSource()
                .with("log_bin", "OFF")
                .refused(Probe.BINLOG_POSITIONS, 1381, "You are not using binary logging")
                .build());

        assertThat(failures).extracting(PreflightFailure::item).containsExactly("log_bin");
    }

    @Test
    void aVariableTheServerShouldHaveButDidNotReportFails() {
        PreflightFailure failure = only(mariaDbSource().without("binlog_format"));

        assertThat(failure.actual()).isEqualTo(Expect.NOT_REPORTED);
    }

    private static PreflightFailure only(FactsBuilder facts) {
        List<PreflightFailure> failures = SourceRequirements.evaluate(facts.build());
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }
}
