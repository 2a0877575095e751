package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.links.Link;
import io.shardhome.links.LinkState;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.SpareMasters;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local promotion under links from the site registry: a spare server, loaded from a dump of {@code nyc}'s
 * master and made its native GTID replica, is promoted after an application wrote at {@code nyc}; the registry
 * entry of {@code nyc} then names the new master, and the links {@code nyc->sjc} and {@code sjc->nyc} follow
 * it by GTID in the same shardhome process: every acknowledged row reaches {@code sjc} exactly once, {@code
 * sjc}'s own writes reach the new master, and the copies' checksums are equal. With {@link #backlog()}, {@code
 * nyc->sjc} is offline while the old master is written, so after the promotion it ships all of that from
 * the new master's binlog. Subclasses carry the Spring test annotations and call {@link #service}.
 */
abstract class LocalPromotion {
    private static final String ADMIN = "promotion-admin-token";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int ROWS_PER_PHASE = 1_500;
    private static final int SJC_ROWS_PER_PHASE = 30;

    @LocalServerPort
    int port;

    @Autowired
    LinkHosting hosting;

    /** Whether {@code nyc->sjc} is offline from before the first write until after the promotion. */
    abstract boolean backlog();

    /** The service's properties, in cluster {@code cluster} of its own. */
    static void service(DynamicPropertyRegistry registry, String cluster) {
        registry.add("shardhome.cluster", () -> cluster);
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.security.tokens[0].name", () -> "ops");
        registry.add("shardhome.security.tokens[0].token", () -> ADMIN);
        registry.add("shardhome.security.tokens[0].role", () -> "admin");
        registry.add("shardhome.links.publish-interval", () -> "200ms");
        registry.add("shardhome.links.from-registry", () -> "true");
        for (String site : new String[] {"nyc", "sjc"}) {
            registry.add("shardhome.site-credentials." + site + ".user", () -> MariaDbSite.LINK_USER);
            registry.add("shardhome.site-credentials." + site + ".password", () -> MariaDbSite.PASSWORD);
        }
    }

    @Test
    void linksFollowAPromotedMasterByGtidWithoutRestartLosingOrDuplicatingNothing() {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        nyc.dropUserSchemas();
        sjc.dropUserSchemas();

        Api admin = Api.at(port, ADMIN);
        register(admin, nyc);
        register(admin, sjc);
        admin.putJson("/api/v1/shards/acme", "{\"home\":\"nyc\"}");
        admin.putJson("/api/v1/shards/bolt", "{\"home\":\"sjc\"}");
        await().atMost(PATIENCE).until(() -> runsAgainst("nyc->sjc", nyc) && runsAgainst("sjc->nyc", nyc));
        nyc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id BIGINT PRIMARY KEY, payload VARCHAR(64))");
        sjc.execute("CREATE DATABASE bolt", "CREATE TABLE bolt.t (id BIGINT PRIMARY KEY, payload VARCHAR(64))");
        await().atMost(PATIENCE).until(() -> sjc.count("acme.t") == 0 && nyc.count("bolt.t") == 0);
        // The spare is loaded from nyc (the catalog and both shards) while the links run, before the writes.
        MariaDbSite promoted = SpareMasters.replicaOf(nyc);
        if (backlog()) {
            request(admin, "nyc->sjc", "offline");
            await().atMost(PATIENCE).until(() -> hosting.running("nyc->sjc").isEmpty());
        }

        List<Long> acknowledged = new ArrayList<>();
        try (RowWriter writer = RowWriter.start(nyc, "acme.t", 1, ROWS_PER_PHASE)) {
            writeAtSjc(sjc, 1);
            await().atMost(PATIENCE)
                    .until(() -> (backlog() || sjc.count("acme.t") >= 200) && promoted.count("acme.t") >= 200);
            writer.close();
            assertThat(writer.failure()).isNull();
            acknowledged.addAll(writer.acknowledged());
        }
        // Nothing more is written at the old master: sjc's rows are there, the spare has all of it.
        await().atMost(PATIENCE).until(() -> nyc.count("bolt.t") == SJC_ROWS_PER_PHASE);
        awaitCaughtUp(promoted, nyc.gtidPosition());
        Link outgoing = hosting.running("nyc->sjc").orElse(null);
        Link incoming = hosting.running("sjc->nyc").orElseThrow();
        if (backlog()) {
            assertThat(sjc.count("acme.t"))
                    .as("rows nyc->sjc has still to ship")
                    .isZero();
        }

        promote(promoted, nyc.serverId());
        register(admin, promoted);
        await().atMost(PATIENCE).until(() -> runsAgainst("sjc->nyc", promoted));
        if (backlog()) {
            request(admin, "nyc->sjc", "online");
        }
        await().atMost(PATIENCE).until(() -> runsAgainst("nyc->sjc", promoted));
        assertThat(hosting.running("nyc->sjc").orElseThrow()).isNotSameAs(outgoing);
        assertThat(hosting.running("sjc->nyc").orElseThrow()).isNotSameAs(incoming);

        long next = acknowledged.get(acknowledged.size() - 1) + 1;
        try (RowWriter writer = RowWriter.start(promoted, "acme.t", next, ROWS_PER_PHASE)) {
            writeAtSjc(sjc, 1 + SJC_ROWS_PER_PHASE);
            await().atMost(PATIENCE).until(() -> sjc.count("acme.t") >= acknowledged.size() + 200L);
            writer.close();
            assertThat(writer.failure()).isNull();
            acknowledged.addAll(writer.acknowledged());
        }

        await().atMost(PATIENCE).until(() -> sjc.count("acme.t") >= acknowledged.size());
        await().atMost(PATIENCE).until(() -> promoted.count("bolt.t") == 2L * SJC_ROWS_PER_PHASE);
        assertThat(ids(sjc, "acme.t")).containsExactlyElementsOf(acknowledged);
        assertThat(ids(promoted, "acme.t")).containsExactlyElementsOf(acknowledged);
        assertThat(checksum(sjc, "acme.t")).isEqualTo(checksum(promoted, "acme.t"));
        assertThat(checksum(sjc, "bolt.t")).isEqualTo(checksum(promoted, "bolt.t"));
        for (String linkId : List.of("nyc->sjc", "sjc->nyc")) {
            assertThat(hosting.running(linkId).orElseThrow().state()).isEqualTo(LinkState.ONLINE);
            await().atMost(PATIENCE).until(() -> HostedLinkSites.status(admin, linkId)
                    .path("state")
                    .asText()
                    .equals("ONLINE"));
        }
    }

    /** Waits (in steps shorter than the sessions' socket timeout) until the replica applied {@code position}. */
    private static void awaitCaughtUp(MariaDbSite replica, String position) {
        await().atMost(PATIENCE).until(() -> {
            assertThat(replicationError(replica))
                    .as("the spare's replication stopped")
                    .isEmpty();
            return "0".equals(replica.value("SELECT MASTER_GTID_WAIT('" + position + "', 5)"));
        });
    }

    private static String replicationError(MariaDbSite replica) throws SQLException {
        try (Connection c = replica.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next()
                    ? (rs.getString("Last_IO_Error") + " " + rs.getString("Last_SQL_Error")).strip()
                    : "the spare is no replica";
        }
    }

    /** The local promotion: no longer a replica, writable, and writing as the old master did. */
    private static void promote(MariaDbSite replica, int masterServerId) {
        replica.execute(
                "STOP SLAVE",
                "RESET SLAVE ALL",
                "SET GLOBAL server_id = " + masterServerId,
                "SET GLOBAL read_only = OFF");
    }

    private static void request(Api admin, String linkId, String desired) {
        Api.Reply reply = admin.send("POST", "/api/v1/links/" + linkId.replace(">", "%3E") + "/" + desired, null, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    private static void writeAtSjc(MariaDbSite sjc, int firstId) {
        for (int id = firstId; id < firstId + SJC_ROWS_PER_PHASE; id++) {
            sjc.execute("INSERT INTO bolt.t VALUES (" + id + ", 'sjc row " + id + "')");
        }
    }

    private boolean runsAgainst(String linkId, MariaDbSite nycMaster) {
        return hosting.running(linkId)
                .map(link -> {
                    boolean outgoing = linkId.startsWith("nyc->");
                    SiteEndpoint endpoint =
                            outgoing ? link.config().source() : link.config().target();
                    return endpoint.port() == nycMaster.port() && link.state() == LinkState.ONLINE;
                })
                .orElse(false);
    }

    private static List<Long> ids(MariaDbSite site, String table) {
        return site.rows("SELECT id FROM " + table + " ORDER BY id").stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    private static String checksum(MariaDbSite site, String table) {
        return site.rows("CHECKSUM TABLE " + table).get(0).get(1);
    }

    private static void register(Api admin, MariaDbSite master) {
        Api.Reply reply = admin.putJson(
                "/api/v1/sites/" + master.site(),
                "{\"host\":\"" + master.host() + "\",\"port\":" + master.port() + "}");
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
    }
}
