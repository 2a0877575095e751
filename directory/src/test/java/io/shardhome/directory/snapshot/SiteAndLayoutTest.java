package io.shardhome.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.store.DirectoryLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteAndLayoutTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "NYC     | db | 3306 |                    | site name 'NYC' is invalid",
                "nyc     |    | 3306 |                    | has no master host",
                "nyc     | db | 0    |                    | use a port in 1..65535",
                "nyc     | db | 3306 | user=a&password=b  | contain a password"
            })
    void invalidSitesAreRejectedWithTheReason(String name, String host, int port, String params, String message) {
        assertThatThrownBy(() -> new Site(name, host, port, params, "", SiteState.ACTIVE))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void siteBuildsAJdbcUrlWithItsParameters() {
        Site site = new Site("nyc", "db1", 3306, "useSsl=true", "us-east", null);
        assertThat(site.jdbcUrl("mariadb", "acme")).isEqualTo("jdbc:mariadb://db1:3306/acme?useSsl=true");
        assertThat(site.state()).isEqualTo(SiteState.ACTIVE);
    }

    @Test
    void layoutKeepsEverythingUnderTheClusterRoot() {
        DirectoryLayout layout = DirectoryLayout.forCluster("prod");
        assertThat(layout.pointer()).isEqualTo("/shardhome/prod/map/current");
        assertThat(layout.chunk("c1")).isEqualTo("/shardhome/prod/map/chunks/c1");
        assertThat(layout.auditPrefix()).isEqualTo("/shardhome/prod/audit/a-");
        assertThatThrownBy(() -> new DirectoryLayout("relative/path")).isInstanceOf(DirectoryException.class);
    }
}
