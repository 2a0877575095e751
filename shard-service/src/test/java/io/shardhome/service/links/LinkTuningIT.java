package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A link's configured channels and filter policies reach the running link: {@code channels: 2} applies
 * over two position rows, and {@code policies.unknown-shard: drop} drops an undefined shard's
 * transactions instead of stopping the link. The defaults say otherwise, so the per-link values win.
 */
@SpringBootTest(
        classes = ShardhomeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shardhome.links.defaults.channels=1", "shardhome.links.defaults.policies.unknown-shard=error"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@RequiresSiteMasters
class LinkTuningIT {
    private static final HostedLinkSites SITES = new HostedLinkSites();

    @LocalServerPort
    int port;

    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private Api admin;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        HostedLinkSites.configureService(registry, "link-tuning-it");
        SITES.offerLink(registry, 0, "nyc", "sjc", Map.of("channels", "2", "policies.unknown-shard", "drop"));
    }

    @BeforeEach
    void sitesAndShard() {
        Flavour.assumeMariaDb("the tuned link runs two apply channels, which need a MariaDB source");
        admin = Api.at(port, HostedLinkSites.ADMIN);
        HostedLinkSites.registerSites(admin);
        admin.putJson("/api/v1/shards/tuned", "{\"home\":\"nyc\"}");
    }

    @Test
    @Order(1)
    void linkConfiguredWithTwoChannelsAppliesInParallelWithAPositionRowPerChannel() {
        nyc.execute("CREATE DATABASE tuned", "CREATE TABLE tuned.t (id INT PRIMARY KEY)");
        nyc.execute("INSERT INTO tuned.t VALUES (1)");

        await().atMost(HostedLinkSites.PATIENCE).until(() -> sjc.schemaExists("tuned") && sjc.count("tuned.t") == 1);
        assertThat(sjc.rows("SELECT link_id FROM shardhome.link_position ORDER BY link_id"))
                .containsExactly(List.of("nyc->sjc"), List.of("nyc->sjc#1"));
    }

    @Test
    @Order(2)
    void unknownShardDropPolicyDropsAnUndefinedShardsTransactionsAndKeepsTheLinkOnline() {
        nyc.execute("CREATE DATABASE ghost", "CREATE TABLE ghost.t (id INT PRIMARY KEY)");
        nyc.execute("INSERT INTO ghost.t VALUES (1)");
        nyc.execute("INSERT INTO tuned.t VALUES (2)");

        await().atMost(HostedLinkSites.PATIENCE).until(() -> sjc.count("tuned.t") == 2);
        assertThat(sjc.schemaExists("ghost")).isFalse();
        assertThat(HostedLinkSites.status(admin, "nyc->sjc").path("state").asText())
                .isEqualTo("ONLINE");
    }
}
