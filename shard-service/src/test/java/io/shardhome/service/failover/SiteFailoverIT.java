package io.shardhome.service.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.consistency.HomeWriter;
import io.shardhome.service.links.LinkHosting;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A site dies under a writer and comes back: nyc's MariaDB is killed with SIGKILL while the application
 * writes acme there (its link to sjc held offline for the last writes, so some are never shipped); the
 * failover re-homes acme at sjc, where the application then writes; nyc restarts, returns fenced with its
 * unshipped transactions listed as orphans; acme is re-seeded at nyc, nyc is activated, and both sites end
 * with equal copies.
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SiteFailoverIT {
    private static final String ADMIN = "failover-admin-token";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String APP = "fapp";
    private static final String APP_PASSWORD = "fapp-secret";
    private static final Map<String, String> START = new HashMap<>();
    private static final long NEW_HOME_IDS = 3_000_000;

    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @LocalServerPort
    int port;

    @Autowired
    LinkHosting hosting;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("shardhome.cluster", () -> "failover-it");
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.security.tokens[0].name", () -> "ops");
        registry.add("shardhome.security.tokens[0].token", () -> ADMIN);
        registry.add("shardhome.security.tokens[0].role", () -> "admin");
        registry.add("shardhome.links.publish-interval", () -> "200ms");
        registry.add("shardhome.grants.accounts", () -> APP + "@%");
        registry.add(
                "shardhome.grants.trusted-accounts",
                () -> "root@localhost,mariadb.sys@localhost," + MariaDbSite.USER + "@%," + MariaDbSite.LINK_USER
                        + "@%");
        offerLink(registry, 0, "nyc", "sjc");
        offerLink(registry, 1, "sjc", "nyc");
        for (String site : new String[] {"nyc", "sjc"}) {
            registry.add("shardhome.site-credentials." + site + ".user", () -> MariaDbSite.LINK_USER);
            registry.add("shardhome.site-credentials." + site + ".password", () -> MariaDbSite.PASSWORD);
        }
    }

    private static void offerLink(DynamicPropertyRegistry registry, int index, String source, String target) {
        String prefix = "shardhome.links.run[" + index + "].";
        registry.add(prefix + "source", () -> source);
        registry.add(prefix + "target", () -> target);
        registry.add(prefix + "start-gtid", () -> start(source));
    }

    /** Clears both masters and creates the application account on first use; where {@code site} stood then. */
    private static synchronized String start(String site) {
        if (START.isEmpty()) {
            for (String each : new String[] {"nyc", "sjc"}) {
                MariaDbSite master = MariaDbSites.get(each);
                master.dropUserSchemas();
                master.execute(
                        "SET sql_log_bin=0",
                        "CREATE USER IF NOT EXISTS '" + APP + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
                START.put(each, master.gtidPosition());
            }
        }
        return START.get(site);
    }

    @Test
    void aSiteKilledUnderAWriterFailsOverReturnsFencedWithItsOrphansAndEndsEqualAfterAReseed() throws Exception {
        Api admin = register();
        admin.putJson("/api/v1/shards/acme", "{\"home\":\"nyc\"}");
        admin.putJson("/api/v1/shards/beta", "{\"home\":\"sjc\"}");
        nyc.execute(
                "CREATE DATABASE acme", "CREATE TABLE acme.orders (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))");
        sjc.execute(
                "CREATE DATABASE beta", "CREATE TABLE beta.orders (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))");
        nyc.execute("CREATE EVENT acme.tick ON SCHEDULE EVERY 1 HOUR STARTS NOW() + INTERVAL 1 DAY DO DO 1");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("acme") && nyc.schemaExists("beta"));
        await().atMost(PATIENCE).until(() -> eventStatus(sjc, "acme", "tick").equals("SLAVESIDE_DISABLED"));
        assertThatThrownBy(() -> insertAsApp(sjc, "acme", NEW_HOME_IDS))
                .as("a copy is read-only for the application")
                .isInstanceOf(SQLException.class);
        HomeWriter beta = new HomeWriter(sjc, "beta.orders", 50, 1_000_000);
        HomeWriter acme = new HomeWriter(nyc, "acme.orders", 100, 1_000_000);
        await().atMost(PATIENCE).until(() -> acme.acknowledgedCount() > 100 && sjc.count("acme.orders") > 50);
        admin.send("POST", "/api/v1/links/nyc.sjc/offline", null, null);
        await().atMost(PATIENCE).until(() -> hosting.running("nyc->sjc").isEmpty());
        int shipped = acme.acknowledgedCount();
        await().atMost(PATIENCE).until(() -> acme.acknowledgedCount() > shipped + 50);

        nyc.kill();
        assertThatThrownBy(acme::close)
                .as("the writer at the dead site fails")
                .isInstanceOf(IllegalStateException.class);

        Cli failover = cli("site", "failover", "nyc", "--to", "sjc");
        assertThat(failover.exit()).as(failover.output()).isZero();
        assertThat(failover.output()).contains("acme -> sjc", "nyc is DOWN", "1 shard(s) re-homed");
        assertThat(admin.get("/api/v1/sites/nyc").json().path("state").asText()).isEqualTo("DOWN");
        assertThat(admin.get("/api/v1/shards/acme").json().path("home").asText())
                .isEqualTo("sjc");
        for (long id = NEW_HOME_IDS; id < NEW_HOME_IDS + 20; id++) {
            insertAsApp(sjc, "acme", id);
        }
        assertThat(eventStatus(sjc, "acme", "tick"))
                .as("acme's event at its new home")
                .isEqualTo("ENABLED");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(admin.get("/api/v1/links/nyc.sjc")
                        .json()
                        .path("staleReason")
                        .asText())
                .contains("site nyc is DOWN"));
        nyc.restart();
        assertThat(hosting.running("sjc->nyc")).as("no link to a DOWN site").isEmpty();
        nyc.execute(
                "SET sql_log_bin=0",
                "CREATE USER IF NOT EXISTS 'fclerk'@'%' IDENTIFIED BY 'x'",
                "GRANT INSERT ON acme.* TO 'fclerk'@'%'");
        Api.Reply returned = admin.send("POST", "/api/v1/sites/nyc/return", null, null);
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        JsonNode body = returned.json();
        assertThat(body.path("state").asText()).isEqualTo("JOINING");
        assertThat(body.path("fenced").toString())
                .as("another account's write grant on a copy")
                .contains("fclerk");
        nyc.execute("SET sql_log_bin=0", "DROP USER 'fclerk'@'%'");
        assertThat(eventStatus(nyc, "acme", "tick"))
                .as("acme's event at the returned site, a copy")
                .isEqualTo("SLAVESIDE_DISABLED");
        assertThat(body.path("fenced").toString()).contains("`acme`.`tick` DISABLE ON SLAVE");
        assertThatThrownBy(() -> insertAsApp(nyc, "acme", NEW_HOME_IDS + 100))
                .as("the returned site is fenced")
                .isInstanceOf(SQLException.class);
        Set<Long> unshipped = ids(nyc, "acme.orders", NEW_HOME_IDS);
        unshipped.removeAll(ids(sjc, "acme.orders", NEW_HOME_IDS));
        assertThat(unshipped.size()).isGreaterThanOrEqualTo(50);
        assertThat(body.path("totalOrphans").asLong()).isEqualTo(unshipped.size());
        for (JsonNode orphan : body.path("orphans")) {
            assertThat(orphan.path("shard").asText()).isEqualTo("acme");
            assertThat(orphan.path("rows").path("acme.orders").asLong()).isEqualTo(2);
            assertThat(orphan.path("missingAt").toString()).contains("sjc");
        }
        assertThat(body.path("reseed").toString()).contains("acme").doesNotContain("beta");

        await().atMost(PATIENCE).until(() -> hosting.running("sjc->nyc").isPresent());
        Cli reseed = cli("shard", "reseed", "acme", "--site", "nyc", "--wait");
        assertThat(reseed.exit()).as(reseed.output()).isZero();
        Cli activate = cli("site", "activate", "nyc");
        assertThat(activate.exit()).as(activate.output()).isZero();
        admin.send("POST", "/api/v1/links/nyc.sjc/online", null, null);
        await().atMost(PATIENCE).until(() -> hosting.running("nyc->sjc").isPresent());
        beta.close();
        for (String table : new String[] {"acme.orders", "beta.orders"}) {
            await().atMost(PATIENCE)
                    .untilAsserted(
                            () -> assertThat(checksum(nyc, table)).as(table).isEqualTo(checksum(sjc, table)));
        }
        assertThat(ids(nyc, "acme.orders", Long.MAX_VALUE)).doesNotContainAnyElementsOf(unshipped);
    }

    @Test
    void failoverReturnAndActivationRefuseWhatTheyCannotDoNamingTheFix() {
        Api admin = register();
        assertThat(admin.send("POST", "/api/v1/sites/tok/failover", null, null).code())
                .isEqualTo("SITE_NOT_FOUND");
        Api.Reply toUnknown = admin.send("POST", "/api/v1/sites/sjc/failover?to=tok&dryRun=true", null, null);
        assertThat(toUnknown.code()).isEqualTo("SITE_NOT_FOUND");
        assertThat(toUnknown.body()).contains("--to site 'tok'");
        Api.Reply both = admin.send("POST", "/api/v1/sites/sjc/failover?to=nyc&spread=true", null, null);
        assertThat(both.code()).isEqualTo("INVALID_INPUT");
        Api.Reply notDown = admin.send("POST", "/api/v1/sites/sjc/return", null, null);
        assertThat(notDown.status()).isEqualTo(409);
        assertThat(notDown.code()).isEqualTo("FAILOVER_REFUSED");
        assertThat(notDown.body()).contains("not DOWN");
        assertThat(admin.send("POST", "/api/v1/sites/sjc/activate", null, null).code())
                .isEqualTo("FAILOVER_REFUSED");
        assertThat(Api.at(port, "wrong")
                        .send("POST", "/api/v1/sites/sjc/failover", null, null)
                        .status())
                .isEqualTo(401);
        Cli dryRun = cli("site", "failover", "sjc", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("dry run: sjc would be marked DOWN");
        assertThat(admin.get("/api/v1/sites/sjc").json().path("state").asText()).isEqualTo("ACTIVE");
    }

    private Api register() {
        Api admin = Api.at(port, ADMIN);
        for (MariaDbSite site : new MariaDbSite[] {nyc, sjc}) {
            admin.putJson(
                    "/api/v1/sites/" + site.site(), "{\"host\":\"" + site.host() + "\",\"port\":" + site.port() + "}");
        }
        return admin;
    }

    private static String eventStatus(MariaDbSite site, String schema, String name) {
        return site.value("SELECT IFNULL(MAX(STATUS), '') FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '"
                + schema + "' AND EVENT_NAME = '" + name + "'");
    }

    private static void insertAsApp(MariaDbSite site, String shard, long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(site.endpoint().jdbcUrl(), APP, APP_PASSWORD);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + shard + ".orders VALUES (" + id + ", 0, 'app')");
        }
    }

    private static Set<Long> ids(MariaDbSite site, String table, long below) {
        return site.rows("SELECT id FROM " + table + " WHERE id < " + below).stream()
                .map(r -> Long.parseLong(r.get(0)))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String checksum(MariaDbSite site, String table) {
        return site.value("SELECT CONCAT(COUNT(*), '/', BIT_XOR(CRC32(CONCAT_WS('|', id, v, note)))) FROM " + table);
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=http://127.0.0.1:" + port;
        all[args.length + 1] = "--token=" + ADMIN;
        int exit = ShardhomeCli.run(new PrintWriter(out, true), new PrintWriter(out, true), all);
        return new Cli(exit, out.toString());
    }

    private record Cli(int exit, String output) {}
}
