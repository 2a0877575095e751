package io.shardhome.directory.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "db",
                "db-nyc.example.com",
                "db-nyc.example.com.",
                "mysql_nyc",
                "127.0.0.1",
                "10.0.12.255",
                "::1",
                "2001:db8::17",
                "::ffff:10.0.0.1"
            })
    void hostNamesAndIpLiteralsAreAccepted(String host) {
        assertThat(SiteAddress.hostProblem(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "h:3316/?allowLoadLocalInfile=true&x=",
                "h/acme",
                "h?x=1",
                "db nyc",
                "-db",
                "db..nyc",
                "999.1.1.1",
                "1.2.3",
                "[::1]",
                "fe80::1%eth0",
                "user@host",
                "h\u0000",
                ""
            })
    void anythingElseIsRefusedNamingTheFields(String host) {
        assertThat(SiteAddress.hostProblem(host)).hasValueSatisfying(problem -> assertThat(problem)
                .containsAnyOf("not a host name or an IP address", "empty"));
    }

    @Test
    void safeParametersAreKeptInOrder() {
        assertThat(SiteAddress.parameters("socketTimeout=60000&tlsVersions=TLSv1.3,TLSv1.2"))
                .containsExactly(Map.entry("socketTimeout", "60000"), Map.entry("tlsVersions", "TLSv1.3,TLSv1.2"));
        assertThat(SiteAddress.parameters("")).isEmpty();
    }

    @Test
    void unsafeKeysOddValuesAndRepeatsAreRefusedTogether() {
        assertThatThrownBy(
                        () -> SiteAddress.parameters(
                                "allowLoadLocalInfile=true&sslMode=DISABLED&connectTimeout=1 0&socketTimeout=1&socketTimeout=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allowLoadLocalInfile' is not an allowed key")
                .hasMessageContaining("'sslMode' is not an allowed key")
                .hasMessageContaining("'connectTimeout' has a value")
                .hasMessageContaining("'socketTimeout' is given twice");
    }
}
