package io.shardhome.service.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mysql.cj.jdbc.MysqlDataSource;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.curator.framework.CuratorFramework;

/**
 * The crash tests' world: the test masters nyc and sjc (cleared first), the shared test ZooKeeper, a
 * directory cluster of the test's own, and {@code shardhome serve} instances (packaged jar, own JVMs) that
 * offer to run both links and lead moves; the application account {@value #APP_USER} writes each shard at
 * its home only. Instance logs and data go to {@code target/crash-tests/<cluster>/}. Not thread-safe.
 */
final class CrashCluster implements AutoCloseable {
    static final String APP_USER = "app";
    static final String APP_PASSWORD = "app-secret";
    static final List<String> LINKS = List.of("nyc->sjc", "sjc->nyc");
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private final String cluster;
    private final Path dir;
    private final CuratorFramework client;
    private final List<String> startGtids = new ArrayList<>();
    private final List<ServeProcess> instances = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    private CrashCluster(String cluster) {
        this.cluster = cluster;
        this.dir = Path.of("target", "crash-tests", cluster).toAbsolutePath();
        this.client = ZooKeeperClients.start(ZooKeeperSettings.of(SharedZooKeeper.connectString()));
    }

    /** Clears both masters, starts {@code count} instances (the first leads) and registers the sites. */
    static CrashCluster start(String name, int count) {
        CrashCluster world = new CrashCluster(name + "-" + Long.toString(System.currentTimeMillis(), 36));
        for (String site : new String[] {"nyc", "sjc"}) {
            MariaDbSite master = MariaDbSites.get(site);
            master.dropUserSchemas();
            master.execute(
                    "SET sql_log_bin=0",
                    "CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
            world.startGtids.add(master.gtidPosition());
        }
        world.startInstance();
        for (String site : new String[] {"nyc", "sjc"}) {
            MariaDbSite master = MariaDbSites.get(site);
            world.any()
                    .putJson(
                            "/api/v1/sites/" + site,
                            "{\"host\":\"" + master.host() + "\",\"port\":" + master.port() + "}");
        }
        for (int i = 1; i < count; i++) {
            world.startInstance();
        }
        LINKS.forEach(world::awaitLinkOnline);
        return world;
    }

    CuratorFramework client() {
        return client;
    }

    DirectoryLayout layout() {
        return DirectoryLayout.forCluster(cluster);
    }

    /** Starts one more instance (a replacement after a kill). */
    ServeProcess startInstance() {
        ServeProcess instance = ServeProcess.start(
                "instance-" + started.incrementAndGet(), cluster, SharedZooKeeper.connectString(), dir, startGtids);
        instances.add(instance);
        return instance;
    }

    List<ServeProcess> live() {
        return instances.stream().filter(ServeProcess::isAlive).toList();
    }

    /** The API of some instance that answers (alive, not frozen). */
    Api any() {
        return live().stream()
                .filter(ServeProcess::isServing)
                .findFirst()
                .orElseThrow()
                .api();
    }

    /** Defines {@code shard} at {@code home}, grants the application, creates its table and waits for the copy. */
    void createShard(String shard, String home) {
        String copy = home.equals("nyc") ? "sjc" : "nyc";
        Api.Reply created = any().putJson("/api/v1/shards/" + shard, "{\"home\":\"" + home + "\"}");
        assertThat(created.status()).as(created.toString()).isBetween(200, 201);
        MariaDbSites.get(home)
                .execute(
                        "SET sql_log_bin=0",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + shard + "`.* TO '" + APP_USER + "'@'%'");
        MariaDbSites.get(copy)
                .execute("SET sql_log_bin=0", "GRANT SELECT ON `" + shard + "`.* TO '" + APP_USER + "'@'%'");
        MariaDbSites.get(home)
                .execute(
                        "CREATE DATABASE " + shard,
                        "CREATE TABLE " + shard + ".acks (id BIGINT PRIMARY KEY, written_at VARCHAR(64) NOT NULL)");
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> MariaDbSites.get(copy).count(shard + ".acks") == 0);
    }

    /** The published status of {@code linkId} as some live instance answers it. */
    JsonNode link(String linkId) {
        return any().get("/api/v1/links/" + linkId.replace(">", "%3E")).json();
    }

    /** The live instance running {@code linkId} now, if its published status says so and is fresh. */
    Optional<ServeProcess> linkRunner(String linkId) {
        JsonNode link = link(linkId);
        if (link.path("stale").asBoolean(true)) {
            return Optional.empty();
        }
        String running = link.path("runningIn").asText("");
        return live().stream().filter(p -> p.isInstance(running)).findFirst();
    }

    /** Waits until a live instance runs {@code linkId}, ONLINE, with a fresh status. */
    ServeProcess awaitLinkOnline(String linkId) {
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> linkRunner(linkId).isPresent()
                        && link(linkId).path("status").path("state").asText().equals("ONLINE"));
        return linkRunner(linkId).orElseThrow();
    }

    /** The live instance leading moves now (the lowest entry of the move leader election). */
    Optional<ServeProcess> moveLeader() throws Exception {
        String election = layout().root() + "/move-leader";
        List<String> entries = new ArrayList<>(client.getChildren().forPath(election));
        entries.sort(Comparator.comparing(e -> e.substring(e.lastIndexOf('-') + 1)));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String id = new String(client.getData().forPath(election + "/" + entries.get(0)), StandardCharsets.UTF_8);
        return live().stream().filter(p -> p.isInstance(id)).findFirst();
    }

    /**
     * After the writer stopped: both links ONLINE without error and caught up with their sources, every
     * acknowledged write at both sites, both copies of each shard equal (count and checksum), no shard
     * FENCED and no move left running.
     */
    void assertConsistent(AckedWriter writer, List<String> shards) {
        for (String linkId : LINKS) {
            String source = linkId.substring(0, linkId.indexOf('-'));
            MariaDbSite master = MariaDbSites.get(source);
            String position = master.gtidPosition();
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
                JsonNode link = link(linkId);
                assertThat(link.path("stale").asBoolean()).as(link.toString()).isFalse();
                assertThat(link.path("status").path("state").asText())
                        .as(link.toString())
                        .isEqualTo("ONLINE");
                assertThat(master.flavour()
                                .covers(link.path("status").path("gtidSet").asText(), position))
                        .as(linkId + " has processed " + position + ": " + link)
                        .isTrue();
            });
        }
        for (String shard : shards) {
            List<Long> acked = writer.acknowledged(shard);
            assertThat(acked).as(shard + " was written").isNotEmpty();
            for (String site : new String[] {"nyc", "sjc"}) {
                Set<Long> rows = new HashSet<>();
                MariaDbSites.get(site)
                        .rows("SELECT id FROM " + shard + ".acks")
                        .forEach(r -> rows.add(Long.valueOf(r.get(0))));
                assertThat(rows)
                        .as("every acknowledged write of " + shard + " is at " + site)
                        .containsAll(acked);
            }
            String table = shard + ".acks";
            assertThat(MariaDbSites.get("nyc").count(table))
                    .as(table)
                    .isEqualTo(MariaDbSites.get("sjc").count(table));
            assertThat(MariaDbSites.get("nyc").value("CHECKSUM TABLE " + table))
                    .as(table)
                    .isEqualTo(MariaDbSites.get("sjc").value("CHECKSUM TABLE " + table));
            JsonNode lookup = any().get("/api/v1/lookup/" + shard).json();
            assertThat(lookup.path("state").asText()).as(lookup.toString()).isEqualTo("ACTIVE");
        }
        assertThat(any().get("/api/v1/moves").json().findValuesAsText("outcome"))
                .doesNotContain("RUNNING");
    }

    /** The application's DataSource for one site's master (no pool: a new session per connection). */
    static DataSource appDataSource(Site site) {
        MariaDbSite master = MariaDbSites.get(site.name());
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(new SiteEndpoint(site.name(), master.host(), master.port(), APP_USER, APP_PASSWORD).jdbcUrl());
        ds.setUser(APP_USER);
        ds.setPassword(APP_PASSWORD);
        return ds;
    }

    @Override
    public void close() {
        instances.forEach(ServeProcess::close);
        client.close();
    }
}
