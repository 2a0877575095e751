package io.shardhome.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.shardhome.links.SiteEndpoint.SslMode;
import io.shardhome.links.SiteEndpoint.Tls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SiteEndpointTest {

    @Test
    void urlsRequireTlsByDefaultAndNeverRetrieveKeysOverIt() {
        String url = new SiteEndpoint("nyc", "db-nyc", 3306, "shardhome", "pw").jdbcUrl();

        assertThat(url).startsWith("jdbc:mysql://db-nyc:3306/?").contains("sslMode=REQUIRED");
        assertThat(url).doesNotContain("allowPublicKeyRetrieval").doesNotContain("pw");
    }

    @Test
    void verifyingTlsNamesTheTrustStoreAndTrustsNothingElse() {
        Tls tls = new Tls(SslMode.VERIFY_IDENTITY, Path.of("/etc/shardhome/nyc ca.p12"), null, "");
        String url = SiteEndpoint.of("nyc", "db-nyc", 3306, "u", "p", tls, "").jdbcUrl();

        assertThat(url)
                .endsWith(
                        "sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file%3A%2F%2F%2Fetc%2Fshardhome%2Fnyc%2520ca.p12"
                                + "&trustCertificateKeyStoreType=PKCS12&fallbackToSystemTrustStore=false");
        assertThat(tls.binlogMode()).isEqualTo(SSLMode.VERIFY_CA);
        assertThat(tls.binlogSocketFactory("db-nyc", 3306)).isPresent();
        assertThat(Tls.REQUIRED.binlogSocketFactory("db-nyc", 3306)).isEmpty();
        assertThat(Tls.DISABLED.binlogMode()).isEqualTo(SSLMode.DISABLED);
    }

    @Test
    void aPlainDemoConnectionIsExplicit() {
        String url =
                new SiteEndpoint("nyc", "127.0.0.1", 3316, "demo", "demo", Tls.DISABLED, java.util.Map.of()).jdbcUrl();

        assertThat(url).contains("sslMode=DISABLED&allowPublicKeyRetrieval=true");
    }

    @Test
    void siteParametersMayTuneTimeoutsButTlsSettingsComeLast() {
        String url = SiteEndpoint.of("nyc", "::1", 3306, "u", "p", Tls.REQUIRED, "socketTimeout=5000")
                .jdbcUrl();

        assertThat(url).startsWith("jdbc:mysql://[::1]:3306/?").contains("socketTimeout=5000");
        assertThat(url).doesNotContain("socketTimeout=60000").endsWith("sslMode=REQUIRED");
    }

    @Test
    void hostsWithUrlPartsAndUnsafeParametersAreRefusedNamingTheSite() {
        assertThatThrownBy(() -> new SiteEndpoint("nyc", "h:3316/?allowLoadLocalInfile=true&x=", 3306, "u", "p"))
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkException.Code.INVALID_USE);
                    assertThat(e.getMessage())
                            .startsWith("site nyc: master host")
                            .contains("site registry");
                });
        assertThatThrownBy(() -> SiteEndpoint.of("nyc", "db", 3306, "u", "p", Tls.REQUIRED, "sslMode=DISABLED"))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("'sslMode' is not an allowed key");
        assertThatThrownBy(() -> new Tls(SslMode.REQUIRED, Path.of("ca.p12"), null, null))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("use VERIFY_CA or VERIFY_IDENTITY");
    }
}
