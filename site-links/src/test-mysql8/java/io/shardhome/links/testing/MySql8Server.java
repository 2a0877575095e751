package io.shardhome.links.testing;

import static org.awaitility.Awaitility.await;

import io.shardhome.links.SiteEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A MySQL 8 master of a test site in a container (Testcontainers): GTIDs on, row binlog with full images
 * and full row metadata, its own {@code server_id}, and the test accounts created as root with {@code
 * sql_log_bin=0}. The image is {@value #DEFAULT_IMAGE} unless the system property {@value #IMAGE_PROPERTY}
 * names another MySQL 8 image. The host port is fixed when the container is created, so that {@link
 * #restart()} (a Docker restart of the same container and its data) keeps the endpoint links use.
 * Testcontainers' reaper removes the container when the JVM ends.
 */
final class MySql8Server implements SiteServer {
    static final String IMAGE_PROPERTY = "shardhome.it.mysql-image";
    static final String DEFAULT_IMAGE = "mysql:8.4";
    private static final int MYSQL_PORT = 3306;
    private static final String ROOT_PASSWORD = "shardhome-root-secret";

    private final String site;
    private final MySQLContainer<?> container;
    private final int port;

    private MySql8Server(String site, MySQLContainer<?> container, int port) {
        this.site = site;
        this.container = container;
        this.port = port;
    }

    static MySql8Server start(String site, int id) {
        int port = freePort();
        MySQLContainer<?> container = new MySQLContainer<>(
                        DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                                .asCompatibleSubstituteFor("mysql"))
                .withUsername("root")
                .withPassword(ROOT_PASSWORD)
                .withCommand(serverArgs(id).toArray(String[]::new));
        container.setPortBindings(List.of(port + ":" + MYSQL_PORT));
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "could not start the MySQL 8 master of test site " + site + " (" + container.getDockerImageName()
                            + "): " + e.getMessage(),
                    e);
        }
        MySql8Server started = new MySql8Server(site, container, port);
        started.bootstrap();
        return started;
    }

    /**
     * mysqld options (the image's entrypoint passes arguments starting with {@code --} to mysqld). They win
     * over the small option file Testcontainers mounts by default (e.g. its {@code max_allowed_packet=1M},
     * too small for grouped multi-row statements).
     */
    private static List<String> serverArgs(int id) {
        return List.of(
                "--server-id=" + id,
                "--gtid-mode=ON",
                "--enforce-gtid-consistency=ON",
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--max-connections=200",
                "--max-allowed-packet=64M",
                "--table-open-cache=1000");
    }

    /** Creates the test accounts as root, keeping them out of the binlog (and out of gtid_executed). */
    private void bootstrap() {
        try (Connection c = rootSession();
                Statement s = c.createStatement()) {
            s.execute("SET sql_log_bin=0");
            for (String user : List.of(MariaDbSite.USER, MariaDbSite.LINK_USER)) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + MariaDbSite.PASSWORD + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'%' WITH GRANT OPTION");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create the test accounts at the MySQL 8 master of test site " + site + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Connection rootSession() throws SQLException {
        SiteEndpoint root = new SiteEndpoint(site, host(), port, "root", ROOT_PASSWORD);
        return DriverManager.getConnection(root.jdbcUrl(), root.user(), root.password());
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void restart() {
        container
                .getDockerClient()
                .restartContainerCmd(container.getContainerId())
                .exec();
        await("the MySQL 8 master of test site " + site + " accepts sessions after a restart")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection c = rootSession()) {
                        return c.isValid(5);
                    }
                });
    }

    /** A host port free now, for a fixed binding that survives restarts (assumes a local Docker engine). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for a MySQL 8 test master", e);
        }
    }
}
