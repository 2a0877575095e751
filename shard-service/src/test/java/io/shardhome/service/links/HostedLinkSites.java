package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Setup shared by the ITs whose service hosts links between the real test masters {@code nyc} and {@code
 * sjc}: the service's properties (from a {@code @DynamicPropertySource}: Spring Boot binds a list from one
 * property source only, so the whole link list goes there), clean masters, their registration in the
 * directory and the links' published status. One instance per test class; thread-safe.
 */
final class HostedLinkSites {
    static final String ADMIN = "links-admin-token";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Map<String, String> startGtids = new HashMap<>();

    /** The service's own properties: ZooKeeper, the admin token, fast status publishing, link credentials. */
    static void configureService(DynamicPropertyRegistry registry, String cluster) {
        registry.add("shardhome.cluster", () -> cluster);
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.security.tokens[0].name", () -> "ops");
        registry.add("shardhome.security.tokens[0].token", () -> ADMIN);
        registry.add("shardhome.security.tokens[0].role", () -> "admin");
        registry.add("shardhome.links.publish-interval", () -> "200ms");
        registry.add("shardhome.links.history-interval", () -> "500ms");
        registry.add(
                "shardhome.grants.trusted-accounts",
                () -> "root@localhost,mariadb.sys@localhost," + MariaDbSite.USER + "@%");
        for (String site : new String[] {"nyc", "sjc"}) {
            registry.add("shardhome.site-credentials." + site + ".user", () -> MariaDbSite.LINK_USER);
            registry.add("shardhome.site-credentials." + site + ".password", () -> MariaDbSite.PASSWORD);
        }
    }

    /**
     * Adds {@code shardhome.links.run[index]}: {@code source->target} starting where the source stood
     * once both masters were cleared, plus {@code overrides} (keys relative to the link, e.g. {@code
     * channels}). Returns the link's property prefix.
     */
    String offerLink(
            DynamicPropertyRegistry registry, int index, String source, String target, Map<String, String> overrides) {
        String prefix = "shardhome.links.run[" + index + "].";
        registry.add(prefix + "source", () -> source);
        registry.add(prefix + "target", () -> target);
        registry.add(prefix + "start-gtid", () -> startGtid(source));
        overrides.forEach((key, value) -> registry.add(prefix + key, () -> value));
        return prefix;
    }

    /** Clears both masters on first use and returns where {@code site} stood then (suppliers are re-read). */
    private synchronized String startGtid(String site) {
        if (startGtids.isEmpty()) {
            for (String each : new String[] {"nyc", "sjc"}) {
                MariaDbSite master = MariaDbSites.get(each);
                master.dropUserSchemas();
                startGtids.put(each, master.gtidPosition());
            }
        }
        return startGtids.get(site);
    }

    /** Registers both masters in the directory, so the configured links can start. */
    static void registerSites(Api admin) {
        for (String site : new String[] {"nyc", "sjc"}) {
            admin.putJson(
                    "/api/v1/sites/" + site,
                    "{\"host\":\"" + MariaDbSites.get(site).host() + "\",\"port\":"
                            + MariaDbSites.get(site).port() + "}");
        }
    }

    /** The status {@code linkId} published, or a missing node before it has published one. */
    static JsonNode status(Api api, String linkId) {
        Api.Reply reply = api.get("/api/v1/links/" + URLEncoder.encode(linkId, StandardCharsets.UTF_8));
        return reply.status() == 200 ? reply.json().path("status") : MissingNode.getInstance();
    }
}
