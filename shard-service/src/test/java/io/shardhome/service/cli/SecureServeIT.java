package io.shardhome.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.links.testing.TestCertificates;
import io.shardhome.service.ShardhomeApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The service as a production deployment runs it: HTTPS only, and a ZooKeeper digest identity that owns
 * the directory, re-ACLing znodes an earlier, open installation left world-readable.
 */
class SecureServeIT {
    private static final String TOKEN = "secure-admin-token";
    private static final DirectoryLayout LAYOUT = DirectoryLayout.forCluster("secure-it");
    private static TestingServer zooKeeper;
    private static TestCertificates certificates;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void openInstallationAndCertificates() throws Exception {
        zooKeeper = new TestingServer(true);
        try (CuratorFramework open = ZooKeeperClients.start(ZooKeeperSettings.of(zooKeeper.getConnectString()))) {
            DirectoryStore legacy = new DirectoryStore(open, LAYOUT, StoreOptions.defaults()).initialize();
            legacy.registerSite(Site.of("nyc", "db-nyc", 3306), legacy.version());
        }
        certificates = TestCertificates.create(
                Path.of(System.getProperty("user.dir"), "target", "secure-serve-it"), "127.0.0.1");
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    private ConfigurableApplicationContext serve() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .parseArgs(
                        "--port=0",
                        "--data-dir=" + dataDir,
                        "--zookeeper=" + zooKeeper.getConnectString(),
                        "--cluster=secure-it",
                        "--spring.jmx.enabled=false",
                        "--shardhome.zookeeper.digest-user=shardhome",
                        "--shardhome.zookeeper.digest-password=zk-s3cret",
                        "--shardhome.security.tokens[0].name=ops",
                        "--shardhome.security.tokens[0].token=" + TOKEN,
                        "--shardhome.security.tokens[0].role=admin",
                        "--server.ssl.enabled=true",
                        "--server.ssl.key-store=" + certificates.serverKeyStore(),
                        "--server.ssl.key-store-type=PKCS12",
                        "--server.ssl.key-store-password=" + TestCertificates.STORE_PASSWORD,
                        "--server.ssl.key-alias=server");
        return ShardhomeApplication.start(serve.arguments());
    }

    private static int cli(StringWriter out, String url, Path trustStore, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=" + url;
        all[args.length + 1] = "--token=" + TOKEN;
        all[args.length + 2] = "--trust-store=" + trustStore;
        all[args.length + 3] = "--trust-store-password=" + TestCertificates.STORE_PASSWORD;
        return ShardhomeCli.run(new PrintWriter(out, true), new PrintWriter(out, true), all);
    }

    @Test
    void theApiAnswersOnlyOverHttpsAndTheDirectoryIsReadableOnlyByShardhome() throws Exception {
        try (ConfigurableApplicationContext service = serve()) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            String https = "https://127.0.0.1:" + port;

            StringWriter ok = new StringWriter();
            assertThat(cli(ok, https, certificates.trustStore(), "shard", "insert", "acme", "nyc"))
                    .as(ok.toString())
                    .isZero();
            StringWriter listed = new StringWriter();
            assertThat(cli(listed, https, certificates.trustStore(), "shard", "list"))
                    .isZero();
            assertThat(listed.toString()).contains("acme");

            StringWriter untrusted = new StringWriter();
            assertThat(cli(untrusted, https, certificates.otherCaTrustStore(), "shard", "list"))
                    .isEqualTo(ShardhomeCli.SERVER_ERROR);
            StringWriter plain = new StringWriter();
            assertThat(cli(plain, "http://127.0.0.1:" + port, certificates.trustStore(), "shard", "list"))
                    .isNotZero();

            try (CuratorFramework anonymous =
                    ZooKeeperClients.start(ZooKeeperSettings.of(zooKeeper.getConnectString()))) {
                assertThatThrownBy(() -> anonymous.getData().forPath(LAYOUT.pointer()))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> anonymous.getChildren().forPath(LAYOUT.root()))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
        }
    }
}
