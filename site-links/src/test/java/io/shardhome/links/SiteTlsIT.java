package io.shardhome.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.SiteEndpoint.SslMode;
import io.shardhome.links.SiteEndpoint.Tls;
import io.shardhome.links.embedded.EmbeddedMariaDb;
import io.shardhome.links.embedded.EmbeddedMariaDbOptions;
import io.shardhome.links.source.BinlogReader;
import io.shardhome.links.source.BinlogReader.Signal;
import io.shardhome.links.testing.TestCertificates;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every connection of a link or a move (JDBC and the binlog stream) runs over TLS as the site's settings
 * say, against a real MariaDB that refuses plain connections and presents a certificate signed by a test
 * CA for the address 127.0.0.1 only.
 */
class SiteTlsIT {
    private static final String USER = "tls_link";
    private static final String PASSWORD = "tls-secret";
    private static TestCertificates certificates;
    private static EmbeddedMariaDb server;

    @BeforeAll
    static void startServerWithCertificates() {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "tls-it");
        certificates = TestCertificates.create(dir.resolve("certs"), "127.0.0.1");
        EmbeddedMariaDbOptions options = new EmbeddedMariaDbOptions(
                dir.resolve("base"),
                dir.resolve("server"),
                0,
                91,
                List.of(new EmbeddedMariaDb.Account(USER, PASSWORD, true)),
                List.of(
                        "--ssl-ca=" + certificates.caPem(),
                        "--ssl-cert=" + certificates.serverCertPem(),
                        "--ssl-key=" + certificates.serverKeyPem(),
                        "--require-secure-transport=ON"),
                true);
        server = EmbeddedMariaDb.start(options);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static SiteEndpoint endpoint(String host, Tls tls) {
        return new SiteEndpoint("tls", host, server.port(), USER, PASSWORD, tls, Map.of());
    }

    private static Tls verifying(SslMode mode, Path trustStore) {
        return new Tls(mode, trustStore, "PKCS12", TestCertificates.STORE_PASSWORD);
    }

    private static String cipher(SiteEndpoint endpoint) throws SQLException {
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), USER, PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            rs.next();
            return rs.getString(2);
        }
    }

    @Test
    void jdbcVerifiesTheCaAndTheHostNameAndRunsEncrypted() throws SQLException {
        assertThat(cipher(endpoint("127.0.0.1", verifying(SslMode.VERIFY_IDENTITY, certificates.trustStore()))))
                .isNotBlank();
        assertThat(cipher(endpoint("127.0.0.1", Tls.REQUIRED))).isNotBlank();
    }

    @Test
    void jdbcRefusesAServerSignedByAnotherCaOrNamedOtherwise() {
        Tls rogueCa = verifying(SslMode.VERIFY_CA, certificates.otherCaTrustStore());
        Tls identity = verifying(SslMode.VERIFY_IDENTITY, certificates.trustStore());

        assertThatThrownBy(() -> cipher(endpoint("127.0.0.1", rogueCa)))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(chain(e)).containsAnyOf("trust anchors", "certification path"));
        assertThatThrownBy(() -> cipher(endpoint("localhost", identity)))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(chain(e)).contains("localhost"));
        assertThatThrownBy(() -> cipher(endpoint("127.0.0.1", Tls.DISABLED)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("secure transport");
    }

    @Test
    void binlogStreamVerifiesTheServerLikeJdbc() throws Exception {
        Tls identity = verifying(SslMode.VERIFY_IDENTITY, certificates.trustStore());
        assertThat(firstSignal(endpoint("127.0.0.1", identity))).isInstanceOf(BinlogReader.Connected.class);
        assertThat(firstSignal(endpoint("127.0.0.1", Tls.REQUIRED))).isInstanceOf(BinlogReader.Connected.class);

        assertThat(failure(endpoint("localhost", identity))).contains("No name matching localhost");
        assertThat(failure(endpoint("127.0.0.1", verifying(SslMode.VERIFY_CA, certificates.otherCaTrustStore()))))
                .containsAnyOf("trust anchors", "certification path");
        assertThat(failure(endpoint("127.0.0.1", Tls.DISABLED))).containsIgnoringCase("secure transport");
    }

    private static String failure(SiteEndpoint source) throws InterruptedException {
        Signal signal = firstSignal(source);
        assertThat(signal).isInstanceOf(BinlogReader.Failure.class);
        return chain(((BinlogReader.Failure) signal).cause());
    }

    /** Every message of a throwable and its causes, one per line. */
    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static Signal firstSignal(SiteEndpoint source) throws InterruptedException {
        try (BinlogReader reader = new BinlogReader(source, "", 9_100, 100, "tls-it-reader")) {
            reader.start();
            Signal signal = reader.poll(Duration.ofSeconds(20));
            while (signal instanceof BinlogReader.EventSignal) {
                signal = reader.poll(Duration.ofSeconds(20));
            }
            return signal;
        }
    }
}
