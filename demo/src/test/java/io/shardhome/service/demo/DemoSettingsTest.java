package io.shardhome.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DemoSettingsTest {
    private static DemoSettings parse(String... args) {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @ParameterizedTest(name = "{0} -> http {1}, nyc {2}, sjc {3}, fresh {4}, dir {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                       | 8080 | 3316 | 3317 | false | .shardhome/demo",
                "--fresh                  | 8080 | 3316 | 3317 | true  | .shardhome/demo",
                "--check                  | 0    | 0    | 0    | true  | .shardhome/demo-check",
                "--check --port=9000      | 9000 | 0    | 0    | true  | .shardhome/demo-check",
                "--nyc-port=1 --sjc-port=2 | 8080 | 1    | 2    | false | .shardhome/demo",
                "--data-dir=/tmp/d        | 8080 | 3316 | 3317 | false | /tmp/d"
            })
    void defaultsSuitAnInteractiveDemoAndACheckTakesFreePortsAndFreshData(
            String args, int http, int nyc, int sjc, boolean fresh, String dir) {
        DemoSettings settings = args.isEmpty() ? parse() : parse(args.split(" "));
        assertThat(settings.httpPort()).isEqualTo(http);
        assertThat(settings.sitePorts()).containsExactly(nyc, sjc);
        assertThat(settings.fresh()).isEqualTo(fresh);
        assertThat(settings.layout().dataDir())
                .isEqualTo(Path.of(dir).toAbsolutePath().normalize());
    }

    @Test
    void serviceRunsLinksBothWaysWithTheServiceAccountAtEverySite() {
        List<String> args = parse().serviceArguments();
        assertThat(args)
                .contains(
                        "--shardhome.links.run[0].source=nyc",
                        "--shardhome.links.run[0].target=sjc",
                        "--shardhome.links.run[1].source=sjc",
                        "--shardhome.links.run[1].target=nyc",
                        "--shardhome.site-credentials.nyc.user=shardhome",
                        "--shardhome.site-credentials.sjc.user=shardhome",
                        "--shardhome.grants.trusted-accounts=root@localhost,mariadb.sys@localhost,demo@%",
                        "--spring.main.register-shutdown-hook=false");
    }

    @Test
    void threeSitesAddLonAndRunAllSixLinks() {
        DemoSettings settings = parse("--sites", "3");
        assertThat(settings.sites()).containsExactly("nyc", "sjc", "lon");
        assertThat(settings.sitePorts()).containsExactly(3316, 3317, 3318);
        assertThat(parse("--sites", "3", "--lon-port", "4000").sitePorts()).containsExactly(3316, 3317, 4000);
        assertThat(parse("--sites", "3", "--check").sitePorts()).containsExactly(0, 0, 0);
        List<String> args = settings.serviceArguments();
        assertThat(args.stream().filter(a -> a.matches("--shardhome\\.links\\.run\\[\\d]\\.source=.*")))
                .hasSize(6);
        assertThat(args)
                .contains(
                        "--shardhome.links.run[4].source=lon",
                        "--shardhome.links.run[4].target=nyc",
                        "--shardhome.links.run[5].source=lon",
                        "--shardhome.links.run[5].target=sjc",
                        "--shardhome.site-credentials.lon.user=shardhome");
        assertThat(parse().sites()).containsExactly("nyc", "sjc");
    }

    @Test
    void refusesASiteCountOtherThanTwoOrThree() {
        assertThatThrownBy(() -> parse("--sites", "4"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--sites must be 2 or 3, got 4");
    }

    @Test
    void theServiceKeepsItsTokenAndZooKeeperInTheDemoDataDir() {
        DemoSettings settings = parse("--data-dir=/tmp/d");
        assertThat(settings.serviceArguments()).contains("--shardhome.data-dir=/tmp/d");
        assertThat(settings.layout().tokenFile()).isEqualTo(Path.of("/tmp/d/admin.token"));
    }

    @Test
    void refusesSitePortsThatDoNotMatchTheSites() {
        assertThatThrownBy(() -> new DemoSettings(new DemoLayout(Path.of("/tmp/d")), 1, List.of(1), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one port per demo site");
    }
}
