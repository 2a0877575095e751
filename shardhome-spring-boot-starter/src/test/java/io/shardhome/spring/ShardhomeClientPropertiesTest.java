package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.client.ShardhomeClientException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ShardhomeClientPropertiesTest {

    private static ShardhomeClientProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("shardhome.client", ShardhomeClientProperties.class);
    }

    @Test
    void defaultsAreAFiveSecondFenceWaitAndReadsFromCopiesWithinFiveSeconds() {
        ShardhomeClientProperties p =
                bind(Map.of("shardhome.client.url", "http://svc:8080", "shardhome.client.token", "t"));

        p.validate();
        assertThat(p.fenceWait()).hasSeconds(5);
        assertThat(p.reads().fromCopies()).isTrue();
        assertThat(p.reads().maxLag()).hasSeconds(5);
        assertThat(p.pool().maximumSize()).isEqualTo(10);
    }

    @Test
    void exactlyOneWayToTheMapMustBeConfigured() {
        assertThatThrownBy(() -> bind(Map.of()).validate())
                .isInstanceOfSatisfying(ShardhomeClientException.class, e -> assertThat(e.code())
                        .isEqualTo(ShardhomeClientException.Code.INVALID_CONFIG))
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> bind(Map.of(
                                "shardhome.client.url", "http://svc", "shardhome.client.zookeeper", "zk:2181"))
                        .validate())
                .hasMessageContaining("both");
        assertThatThrownBy(
                        () -> bind(Map.of("shardhome.client.url", "http://svc")).validate())
                .hasMessageContaining("shardhome.client.token");
    }

    @Test
    void aBadSchemeOrNegativeWaitNamesTheProperty() {
        assertThatThrownBy(() -> bind(Map.of(
                                "shardhome.client.zookeeper", "zk:2181", "shardhome.client.jdbc-scheme", "postgresql"))
                        .validate())
                .hasMessageContaining("shardhome.client.jdbc-scheme");
        assertThatThrownBy(() -> bind(Map.of(
                                "shardhome.client.zookeeper", "zk:2181", "shardhome.client.fence-wait", "-1s"))
                        .validate())
                .hasMessageContaining("shardhome.client.fence-wait");
    }

    @Test
    void aSiteMayHaveItsOwnAccountAndSecretsStayOutOfToString() {
        ShardhomeClientProperties p = bind(Map.of(
                "shardhome.client.zookeeper", "zk:2181",
                "shardhome.client.username", "app",
                "shardhome.client.password", "app-secret",
                "shardhome.client.sites.sjc.username", "app_west",
                "shardhome.client.sites.sjc.password", "west-secret"));

        assertThat(p.accountFor("nyc").username()).isEqualTo("app");
        assertThat(p.accountFor("sjc").username()).isEqualTo("app_west");
        assertThat(p.toString() + p.accountFor("sjc")).doesNotContain("secret");
    }
}
