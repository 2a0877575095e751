package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Links from the site registry ({@code shardhome.links.from-registry}, no configured links): two registered
 * sites are linked both ways; a third site registered at run time gets its four links, which carry a shard
 * homed there to both others; removing it withdraws them.
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RegistryLinksIT {
    private static final String ADMIN = "registry-admin-token";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> SITES = List.of("nyc", "sjc", "lon");

    @LocalServerPort
    int port;

    @Autowired
    LinkHosting hosting;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("shardhome.cluster", () -> "registry-links-it");
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.security.tokens[0].name", () -> "ops");
        registry.add("shardhome.security.tokens[0].token", () -> ADMIN);
        registry.add("shardhome.security.tokens[0].role", () -> "admin");
        registry.add("shardhome.links.publish-interval", () -> "200ms");
        registry.add("shardhome.links.from-registry", () -> "true");
        for (String site : SITES) {
            registry.add("shardhome.site-credentials." + site + ".user", () -> MariaDbSite.LINK_USER);
            registry.add("shardhome.site-credentials." + site + ".password", () -> MariaDbSite.PASSWORD);
        }
    }

    @Test
    void aSiteRegisteredAtRunTimeGetsItsLinksBothWaysAndLosesThemWhenRemoved() {
        SITES.forEach(site -> MariaDbSites.get(site).dropUserSchemas());
        Api admin = Api.at(port, ADMIN);
        register(admin, "nyc");
        register(admin, "sjc");
        await().atMost(PATIENCE).until(() -> running("nyc->sjc") && running("sjc->nyc"));
        assertThat(hosting.configured()).containsExactlyInAnyOrder("nyc->sjc", "sjc->nyc");

        register(admin, "lon");
        await().atMost(PATIENCE)
                .until(() -> running("nyc->lon") && running("lon->nyc") && running("sjc->lon") && running("lon->sjc"));
        admin.putJson("/api/v1/shards/zeta", "{\"home\":\"lon\"}");
        MariaDbSite lon = MariaDbSites.get("lon");
        lon.execute(
                "CREATE DATABASE zeta",
                "CREATE TABLE zeta.t (id INT PRIMARY KEY)",
                "INSERT INTO zeta.t VALUES (1), (2)");
        await().atMost(PATIENCE)
                .until(() -> MariaDbSites.get("nyc").schemaExists("zeta")
                        && MariaDbSites.get("sjc").schemaExists("zeta")
                        && MariaDbSites.get("nyc").count("zeta.t") == 2
                        && MariaDbSites.get("sjc").count("zeta.t") == 2);

        assertThat(admin.delete("/api/v1/shards/zeta").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/sites/lon").status()).isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(hosting.configured())
                .containsExactlyInAnyOrder("nyc->sjc", "sjc->nyc"));
        assertThat(running("nyc->sjc")).isTrue();
    }

    private boolean running(String linkId) {
        return hosting.running(linkId).isPresent();
    }

    private static void register(Api admin, String site) {
        MariaDbSite master = MariaDbSites.get(site);
        admin.putJson("/api/v1/sites/" + site, "{\"host\":\"" + master.host() + "\",\"port\":" + master.port() + "}");
    }
}
