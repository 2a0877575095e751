package io.shardhome.links.conformance;

import static org.assertj.core.api.Assertions.fail;

import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the corpus itself: every conformance script, replayed whole at the home with MariaDB's own
 * replication (a GTID replica of the home at the copy site, no link), leaves the copy identical to the
 * home, as {@link SiteComparison} compares them. So an {@code identical} expectation is one a faithful
 * applier can meet, and a script that fails here is a wrong script, not a link bug. (Scripts that
 * expect a stop are replayed whole too: the native replica applies statements and XA as well.)
 */
@RequiresSiteMasters
class NativeReplicaOracleIT {
    private static final Path FILES = Corpus.files();
    private static final String CONNECTION = "conformance_oracle";

    private final MariaDbSite home = MariaDbSites.get("sjc");
    private final MariaDbSite copy = MariaDbSites.get("nyc");

    static Stream<ConformanceScript> scripts() {
        return Corpus.scripts().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void aNativeReplicaOfTheHomeEndsIdenticalToIt(ConformanceScript script) throws SQLException {
        Flavour.assumeMariaDb("the conformance corpus is written in MariaDB's SQL");
        home.dropUserSchemas();
        copy.dropUserSchemas();
        startReplica();
        try {
            try (ScriptRunner runner = ScriptRunner.open(
                    script.name(), FILES, home.host(), home.port(), MariaDbSite.USER, MariaDbSite.PASSWORD)) {
                runner.run(script.prefix());
                runner.run(script.offending());
            }
            awaitReplica(script);
            try (Connection h = home.connect();
                    Connection c = copy.connect()) {
                List<String> differences = SiteComparison.differences(h, c);
                if (!differences.isEmpty()) {
                    fail(script + ": even MariaDB's native replica differs from the home, so the script's"
                            + " expectation is wrong (or the comparison is):\n" + String.join("\n", differences));
                }
            }
        } finally {
            copy.execute("STOP SLAVE '" + CONNECTION + "'", "RESET SLAVE '" + CONNECTION + "' ALL");
        }
    }

    /** A GTID replica of the home at the copy's master, starting at the home's current position. */
    private void startReplica() {
        copy.execute(
                "SET GLOBAL gtid_slave_pos = '" + homeDomainPosition() + "'",
                "CHANGE MASTER '" + CONNECTION + "' TO MASTER_HOST='" + home.host() + "', MASTER_PORT=" + home.port()
                        + ", MASTER_USER='" + MariaDbSite.USER + "', MASTER_PASSWORD='" + MariaDbSite.PASSWORD
                        + "', MASTER_USE_GTID=slave_pos",
                "START SLAVE '" + CONNECTION + "'");
    }

    /** Waits in steps of 10 s (shorter than the sessions' socket timeout) until the replica has the home's position. */
    private void awaitReplica(ConformanceScript script) throws SQLException {
        String position = homeDomainPosition();
        long deadline = System.nanoTime() + script.timeout().toNanos();
        while (!"0".equals(copy.value("SELECT MASTER_GTID_WAIT('" + position + "', 10)"))) {
            String error = replicaError();
            if (!error.isEmpty() || System.nanoTime() > deadline) {
                fail(script + ": the native replica did not reach " + position + " within " + script.timeout()
                        + (error.isEmpty() ? "" : "; it stopped: " + error));
            }
        }
    }

    private String replicaError() throws SQLException {
        try (Connection c = copy.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE '" + CONNECTION + "' STATUS")) {
            return rs.next()
                    ? (rs.getString("Last_IO_Error") + " " + rs.getString("Last_SQL_Error")).strip()
                    : "no replication connection " + CONNECTION;
        }
    }

    /** The home's GTID position in its own domain only (the copy's replica asks for nothing else). */
    private String homeDomainPosition() {
        String domain = home.serverId() + "-";
        for (String gtid : home.gtidPosition().split(",")) {
            if (gtid.strip().startsWith(domain)) {
                return gtid.strip();
            }
        }
        return "";
    }
}
