package io.shardhome.links.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkState;
import io.shardhome.links.LinkStatus;
import io.shardhome.links.PendingError;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conformance corpus ({@code src/test/resources/conformance/*.sql}, see {@link ConformanceScript}):
 * each script runs at the home site of shard {@code acme} (and {@code beta}, for scripts that need a second
 * shard) with a link home -> copy, serial and with 4 channels. A script that expects {@code identical}
 * leaves every user schema at the copy identical to the home: definitions, checksums, rows (listed on a
 * mismatch). A script that expects a stop replicates its part before {@code -- @offending} identically,
 * then stops the link in OFFLINE:ERROR with the named code, message and shard at the offending
 * transaction's GTID, and nothing of that transaction reaches the copy.
 */
@RequiresSiteMasters
class ConformanceIT {
    private static final Path FILES = Corpus.files();
    private static final int[] CHANNELS = {1, 4};
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceIT.class);

    private final MariaDbSite home = MariaDbSites.get("sjc");
    private final MariaDbSite copy = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links =
            LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc").shard("beta", "sjc");

    static Stream<Arguments> scripts() {
        return Corpus.scripts().stream().flatMap(s -> Arrays.stream(CHANNELS).mapToObj(n -> Arguments.of(s, n)));
    }

    @ParameterizedTest(name = "{0} channels={1}")
    @MethodSource("scripts")
    void scriptReachesTheCopyAsItsHeaderExpects(ConformanceScript script, int channels) throws SQLException {
        Flavour.assumeMariaDb("the conformance corpus is written in MariaDB's SQL");
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            replay(script, channels);
            outcome = script.expectation().stops() ? "stopped as expected" : "identical";
        } finally {
            LOG.info(
                    "conformance {} channels={}: {} in {} ms",
                    script,
                    channels,
                    outcome,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void replay(ConformanceScript script, int channels) throws SQLException {
        Link link = links.harness()
                .started(LinkConfig.of(home.endpoint(), copy.endpoint(), FilterPolicies.DEFAULTS, home.gtidPosition())
                        .withChannels(channels));
        try (ScriptRunner runner = ScriptRunner.open(
                script.name(), FILES, home.host(), home.port(), MariaDbSite.USER, MariaDbSite.PASSWORD)) {
            runner.run(script.prefix());
            awaitApplied(link, script);
            assertIdentical(script);
            if (script.expectation().stops()) {
                SiteSnapshot before = snapshot(copy);
                String offendingGtid = nextGtid();
                runner.run(script.offending());
                assertStoppedAt(link, script, offendingGtid);
                List<String> changed = SiteComparison.changes(before, snapshot(copy));
                if (!changed.isEmpty()) {
                    fail(script + ": the link applied part of the offending transaction or what followed it:\n"
                            + String.join("\n", changed));
                }
            }
        }
    }

    private void awaitApplied(Link link, ConformanceScript script) {
        String position = home.gtidPosition();
        try {
            await().atMost(script.timeout())
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> link.state() == LinkState.OFFLINE_ERROR
                            || home.flavour().covers(link.status().gtidSet(), position));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    script + ": the link did not catch up with the home's " + position + " within " + script.timeout()
                            + "; status " + describe(link.status()),
                    e);
        }
        assertThat(link.state())
                .as(
                        "%s: the link stopped while applying what must replicate; status %s",
                        script, describe(link.status()))
                .isEqualTo(LinkState.ONLINE);
    }

    private void assertIdentical(ConformanceScript script) throws SQLException {
        try (Connection h = home.connect();
                Connection c = copy.connect()) {
            List<String> differences = SiteComparison.differences(h, c);
            if (!differences.isEmpty()) {
                fail(script + ": the copy (nyc) differs from the home (sjc):\n" + String.join("\n", differences));
            }
        }
    }

    private void assertStoppedAt(Link link, ConformanceScript script, String offendingGtid) {
        Expectation expected = script.expectation();
        try {
            await().atMost(script.timeout())
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> link.state() == LinkState.OFFLINE_ERROR
                            || home.flavour().covers(link.status().gtidSet(), offendingGtid));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    script + ": the link neither stopped nor passed " + offendingGtid + " within " + script.timeout()
                            + "; status " + describe(link.status()),
                    e);
        }
        assertThat(link.state())
                .as(
                        "%s: the link must stop at %s, expected %s; it went on: status %s",
                        script, offendingGtid, expected, describe(link.status()))
                .isEqualTo(LinkState.OFFLINE_ERROR);
        PendingError error = link.status().pendingError().orElseThrow();
        String stopped = error.code() + " '" + error.message() + "' gtid " + error.gtid() + " shard " + error.shard();
        assertThat(error.code().name())
                .as("%s: code of %s, expected %s", script, stopped, expected)
                .isEqualTo(expected.code());
        assertThat(expected.matchesMessage(error.message()))
                .as("%s: message of %s, expected %s", script, stopped, expected)
                .isTrue();
        assertThat(error.gtid()).as("%s: GTID of %s", script, stopped).isEqualTo(offendingGtid);
        assertThat(error.shard()).as("%s: shard of %s", script, stopped).isEqualTo(expected.shard());
    }

    /** The GTID the home gives its next transaction (its own domain and server id, the next sequence). */
    private String nextGtid() {
        String domain = home.serverId() + "-";
        long last = 0;
        for (String gtid : home.gtidPosition().split(",")) {
            if (gtid.strip().startsWith(domain)) {
                last = Long.parseLong(gtid.strip().substring(gtid.strip().lastIndexOf('-') + 1));
            }
        }
        return home.gtidPrefix() + (last + 1);
    }

    private static SiteSnapshot snapshot(MariaDbSite site) throws SQLException {
        try (Connection c = site.connect()) {
            return SiteSnapshot.take(c);
        }
    }

    private static String describe(LinkStatus s) {
        return s.state().label() + " at " + s.gtidSet() + ", applied " + s.applied() + ", dropped " + s.dropped()
                + s.pendingError()
                        .map(e ->
                                ", error " + e.code() + " at " + e.gtid() + " shard " + e.shard() + ": " + e.message())
                        .orElse("")
                + (s.lastTransientError().isEmpty() ? "" : ", last transient fault: " + s.lastTransientError());
    }
}
