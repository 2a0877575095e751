package io.shardhome.links.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preflight against real MariaDB masters (the run's shared sites): a correct pair passes, and each
 * misconfiguration is refused naming the variable or privilege and its fix. Global variables changed
 * here are put back in {@code finally}; accounts made here are dropped. Nothing here writes the binlog.
 */
class LinkPreflightIT {
    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @BeforeEach
    void mariaDbOnly() {
        Flavour.assumeMariaDb("MariaDB variables and privileges (BINLOG REPLAY, gtid_domain_id)");
    }

    @Test
    void aCorrectlySetUpPairPasses() {
        assertThat(LinkPreflight.check(nyc.endpoint(), sjc.endpoint())).isEmpty();
        LinkPreflight.verify(nyc.endpoint(), sjc.endpoint());
    }

    @Test
    void aMixedFormatSourceIsRefusedNamingBinlogFormatAndTheFix() {
        nyc.execute("SET GLOBAL binlog_format=MIXED");
        try {
            assertThatThrownBy(() -> LinkPreflight.verify(nyc.endpoint(), sjc.endpoint()))
                    .isInstanceOfSatisfying(LinkException.class, e -> {
                        assertThat(e.code()).isEqualTo(LinkException.Code.PREFLIGHT_FAILED);
                        assertThat(e.getMessage())
                                .contains("link nyc -> sjc cannot start: 1 requirement is not met")
                                .contains("source nyc (" + nyc.host() + ":" + nyc.port())
                                .contains("binlog_format is MIXED, needs ROW")
                                .contains("SET GLOBAL binlog_format=ROW", "[mariadb]: binlog_format=ROW")
                                .contains("sessions already open keep their old format");
                    });
        } finally {
            nyc.execute("SET GLOBAL binlog_format=ROW");
        }
    }

    @Test
    void aTargetAccountWithoutBinlogReplayIsRefusedNamingThePrivilegeAndTheGrantThatFixesIt() {
        String user = "preflight_no_replay";
        createAccount(sjc, user, "REVOKE BINLOG REPLAY ON *.* FROM '" + user + "'@'%'");
        try {
            List<PreflightFailure> failures = LinkPreflight.check(nyc.endpoint(), as(sjc, user));

            assertThat(failures).hasSize(1);
            PreflightFailure failure = failures.get(0);
            assertThat(failure.site()).isEqualTo("sjc");
            assertThat(failure.item()).isEqualTo("privilege BINLOG REPLAY of '" + user + "'@'%'");
            assertThat(failure.actual()).contains("SET SESSION server_id", "BINLOG '", "error 1227");
            assertThat(failure.fix()).isEqualTo("GRANT BINLOG REPLAY ON *.* TO '" + user + "'@'%';");

            sjc.execute("SET sql_log_bin=0", failure.fix());
            assertThat(LinkPreflight.check(nyc.endpoint(), as(sjc, user))).isEmpty();
        } finally {
            dropAccount(sjc, user);
        }
    }

    @Test
    void aSourceAccountThatCannotReadTheBinlogIsRefusedNamingBothPrivileges() {
        String user = "preflight_reader";
        createAccount(nyc, user, "REVOKE REPLICATION SLAVE, BINLOG MONITOR ON *.* FROM '" + user + "'@'%'");
        try {
            List<PreflightFailure> failures = LinkPreflight.check(as(nyc, user), sjc.endpoint());

            assertThat(failures)
                    .extracting(PreflightFailure::fix)
                    .containsExactly(
                            "GRANT REPLICATION SLAVE ON *.* TO '" + user + "'@'%';",
                            "GRANT BINLOG MONITOR ON *.* TO '" + user + "'@'%';");
        } finally {
            dropAccount(nyc, user);
        }
    }

    @Test
    void equalServerIdsAndGtidDomainsAreRefused() {
        sjc.execute("SET GLOBAL server_id=" + nyc.serverId(), "SET GLOBAL gtid_domain_id=" + nyc.serverId());
        try {
            List<PreflightFailure> failures = LinkPreflight.check(nyc.endpoint(), sjc.endpoint());

            assertThat(failures).extracting(PreflightFailure::item).containsExactly("server_id", "gtid_domain_id");
            assertThat(failures.get(0).actual()).isEqualTo(String.valueOf(nyc.serverId()));
            assertThat(failures.get(0).why()).contains("cannot tell the link's transactions from local writes");
        } finally {
            sjc.execute("SET GLOBAL server_id=" + sjc.serverId(), "SET GLOBAL gtid_domain_id=" + sjc.serverId());
        }
    }

    @Test
    void aLinkFromAServerToItselfIsRefused() {
        assertThat(LinkPreflight.check(nyc.endpoint(), nyc.endpoint()))
                .extracting(PreflightFailure::item)
                .containsExactly("server_id", "gtid_domain_id");
    }

    @Test
    void targetReplicaSettingsThatActOnReplayedRowsAreRefusedAndAReadOnlyTargetUnlessTheAccountMayWrite() {
        String user = "preflight_writer";
        createAccount(sjc, user, "REVOKE READ_ONLY ADMIN ON *.* FROM '" + user + "'@'%'");
        sjc.execute(
                "SET GLOBAL slave_exec_mode=IDEMPOTENT",
                "SET GLOBAL slave_run_triggers_for_rbr=YES",
                "SET GLOBAL slave_type_conversions='ALL_NON_LOSSY'",
                "SET GLOBAL read_only=ON");
        try {
            assertThat(LinkPreflight.check(nyc.endpoint(), as(sjc, user)))
                    .extracting(PreflightFailure::item)
                    .containsExactly(
                            "slave_exec_mode", "slave_run_triggers_for_rbr", "slave_type_conversions", "read_only");

            sjc.execute("GRANT READ_ONLY ADMIN ON *.* TO '" + user + "'@'%'");
            assertThat(LinkPreflight.check(nyc.endpoint(), as(sjc, user)))
                    .extracting(PreflightFailure::item)
                    .doesNotContain("read_only");
        } finally {
            sjc.execute(
                    "SET GLOBAL read_only=OFF",
                    "SET GLOBAL slave_exec_mode=STRICT",
                    "SET GLOBAL slave_run_triggers_for_rbr=NO",
                    "SET GLOBAL slave_type_conversions=''");
            dropAccount(sjc, user);
        }
    }

    @Test
    void compressedSourceBinlogAndTwoPhaseAlterAreRefused() {
        nyc.execute("SET GLOBAL log_bin_compress=ON", "SET GLOBAL binlog_alter_two_phase=ON");
        try {
            assertThat(LinkPreflight.check(nyc.endpoint(), sjc.endpoint()))
                    .extracting(PreflightFailure::item)
                    .containsExactly("log_bin_compress", "binlog_alter_two_phase");
        } finally {
            nyc.execute("SET GLOBAL log_bin_compress=OFF", "SET GLOBAL binlog_alter_two_phase=OFF");
        }
    }

    @Test
    void aSmallerPacketLimitAtTheTargetIsRefused() {
        String before = sjc.value("SELECT @@GLOBAL.max_allowed_packet");
        sjc.execute("SET GLOBAL max_allowed_packet=4194304");
        try {
            assertThat(LinkPreflight.check(nyc.endpoint(), sjc.endpoint()))
                    .extracting(PreflightFailure::item)
                    .containsExactly("max_allowed_packet");
        } finally {
            sjc.execute("SET GLOBAL max_allowed_packet=" + before);
        }
    }

    @Test
    void aRefusedLoginIsAFailureAndTheOtherEndIsStillChecked() {
        SiteEndpoint wrongPassword = new SiteEndpoint("sjc", sjc.host(), sjc.port(), MariaDbSite.LINK_USER, "wrong");
        nyc.execute("SET GLOBAL binlog_format=MIXED");
        try {
            assertThat(LinkPreflight.check(nyc.endpoint(), wrongPassword))
                    .extracting(PreflightFailure::item)
                    .containsExactly("login of link", "binlog_format");
        } finally {
            nyc.execute("SET GLOBAL binlog_format=ROW");
        }
    }

    /** An account with all privileges but those {@code revoke} takes away, made without writing the binlog. */
    static void createAccount(MariaDbSite site, String user, String revoke) {
        site.execute(
                "SET sql_log_bin=0",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + MariaDbSite.PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'%'",
                revoke);
    }

    static void dropAccount(MariaDbSite site, String user) {
        site.execute("SET sql_log_bin=0", "DROP USER IF EXISTS '" + user + "'@'%'");
    }

    static SiteEndpoint as(MariaDbSite site, String user) {
        return new SiteEndpoint(site.site(), site.host(), site.port(), user, MariaDbSite.PASSWORD);
    }
}
