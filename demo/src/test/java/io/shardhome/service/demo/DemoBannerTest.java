package io.shardhome.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoBannerTest {
    private static final DemoLayout LAYOUT = new DemoLayout(Path.of("/srv/demo"));

    private static String banner(boolean seeded) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("nyc", 3316);
        ports.put("sjc", 3317);
        return DemoBanner.render(LAYOUT, 8080, ports, seeded);
    }

    @Test
    void printsThePageTheApiAndTheAdminTokenFileButNeverAToken() {
        assertThat(banner(true))
                .contains("web page      http://127.0.0.1:8080/")
                .contains("http://127.0.0.1:8080/actuator/health")
                .contains("admin token   /srv/demo/admin.token")
                .doesNotContain("shk_");
    }

    @Test
    void printsHostPortAndUserOfEachSiteAndTheBundledClient() {
        assertThat(banner(true))
                .contains("nyc           host 127.0.0.1 port 3316 user demo")
                .contains("sjc           host 127.0.0.1 port 3317 user demo")
                .contains("mysql client  /srv/demo/mariadb/base/bin/mariadb");
    }

    @Test
    void printsShellLinesThatPointTheCliAndAClientPerSiteAtTheDemo() {
        assertThat(banner(true))
                .contains("export SHARDHOME_URL=http://127.0.0.1:8080 SHARDHOME_DATA_DIR=/srv/demo")
                .contains("sjc() { /srv/demo/mariadb/base/bin/mariadb -h127.0.0.1 -P3317 -udemo -pdemo \"$@\"; }");
    }

    @Test
    void saysWhetherTheSeedMapWasLoadedOrKeptFromTheLastRun() {
        assertThat(banner(true)).contains("seed map acme -> sjc, pinnacle -> nyc");
        assertThat(banner(false)).contains("shard map kept from the last run").contains("--fresh");
    }
}
