package io.shardhome.links.preflight;

import static io.shardhome.links.preflight.FactsBuilder.mariaDbSource;
import static io.shardhome.links.preflight.FactsBuilder.mariaDbTarget;
import static io.shardhome.links.preflight.FactsBuilder.mySqlSource;
import static io.shardhome.links.preflight.FactsBuilder.mySqlTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair checks and the error a link stops with; every decision without I/O. */
class LinkPreflightTest {
    private static final SiteEndpoint NYC = new SiteEndpoint("nyc", "127.0.0.1", 3306, "link", "pw");
    private static final SiteEndpoint SJC = new SiteEndpoint("sjc", "127.0.0.1", 3307, "link", "pw");

    @Test
    void aCorrectPairPasses() {
        assertThat(LinkPreflight.evaluate(
                        mariaDbSource().build(), mariaDbTarget().build()))
                .isEmpty();
        assertThat(LinkPreflight.evaluate(mySqlSource().build(), mySqlTarget().build()))
                .isEmpty();
    }

    @Test
    void equalServerIdsAndGtidDomainsAreRefusedAtTheTarget() {
        List<PreflightFailure> failures = LinkPreflight.evaluate(
                mariaDbSource().build(),
                mariaDbTarget()
                        .with("server_id", "1")
                        .with("gtid_domain_id", "1")
                        .build());

        assertThat(failures).extracting(PreflightFailure::item).containsExactly("server_id", "gtid_domain_id");
        PreflightFailure serverId = failures.get(0);
        assertThat(serverId.role()).isEqualTo(PreflightFailure.Role.TARGET);
        assertThat(serverId.site()).isEqualTo("sjc");
        assertThat(serverId.actual()).isEqualTo("1");
        assertThat(serverId.needed()).isEqualTo("a value other than source nyc's (1), unique among all sites");
        assertThat(serverId.fix()).startsWith("SET GLOBAL server_id=<a number no other site uses>;");
    }

    @Test
    void mySqlServersWithOneUuidAreRefused() {
        String uuid = mySqlSource().build().variable("server_uuid").orElseThrow();

        List<PreflightFailure> failures = LinkPreflight.evaluate(
                mySqlSource().build(), mySqlTarget().with("server_uuid", uuid).build());

        assertThat(failures).extracting(PreflightFailure::item).containsExactly("server_uuid");
        assertThat(failures.get(0).fix()).contains("auto.cnf");
    }

    @Test
    void aTargetPacketLimitBelowTheSourcesIsRefusedNamingTheSourcesValue() {
        List<PreflightFailure> failures = LinkPreflight.evaluate(
                mariaDbSource().with("max_allowed_packet", "67108864").build(),
                mariaDbTarget().build());

        assertThat(failures).extracting(PreflightFailure::item).containsExactly("max_allowed_packet");
        assertThat(failures.get(0).needed()).isEqualTo("at least 67108864 (source nyc's)");
        assertThat(failures.get(0).fix()).startsWith("SET GLOBAL max_allowed_packet=67108864;");
        assertThat(LinkPreflight.evaluate(
                        mariaDbSource().build(),
                        mariaDbTarget().with("max_allowed_packet", "1073741824").build()))
                .isEmpty();
    }

    @Test
    void serversOfDifferentKindsCannotBeLinked() {
        List<PreflightFailure> failures =
                LinkPreflight.evaluate(mariaDbSource().build(), mySqlTarget().build());

        assertThat(failures).extracting(PreflightFailure::item).containsExactly("server kind");
        assertThat(failures.get(0).needed()).contains("11.4.5-MariaDB-log");
    }

    @Test
    void failuresAreListedSourceFirstThenThePairThenTheTarget() {
        List<PreflightFailure> failures = LinkPreflight.evaluate(
                mariaDbSource().with("binlog_format", "MIXED").build(),
                mariaDbTarget()
                        .with("server_id", "1")
                        .with("slave_exec_mode", "IDEMPOTENT")
                        .build());

        assertThat(failures)
                .extracting(PreflightFailure::item)
                .containsExactly("binlog_format", "server_id", "slave_exec_mode");
    }

    @Test
    void theLinksErrorIsPermanentAndNumbersEveryFailure() {
        List<PreflightFailure> failures = LinkPreflight.evaluate(
                mariaDbSource().with("binlog_format", "MIXED").build(),
                mariaDbTarget().denied(Probe.BINLOG_REPLAY, "BINLOG REPLAY").build());

        LinkException error = LinkPreflight.failure(NYC, SJC, failures);

        assertThat(error.code()).isEqualTo(LinkException.Code.PREFLIGHT_FAILED);
        assertThat(error.code().isTransient()).isFalse();
        assertThat(error.getMessage())
                .startsWith("link nyc -> sjc cannot start: 2 requirements are not met")
                .contains("\n  1. source nyc (127.0.0.1:3306, 11.4.5-MariaDB-log, server_id 1): binlog_format is MIXED")
                .contains(
                        "\n  2. target sjc (127.0.0.1:3307, 11.4.5-MariaDB-log, server_id 2): privilege BINLOG REPLAY")
                .contains("GRANT BINLOG REPLAY ON *.* TO 'link'@'%';");
    }

    @Test
    void thereIsNoErrorWithoutAFailure() {
        assertThatThrownBy(() -> LinkPreflight.failure(NYC, SJC, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
