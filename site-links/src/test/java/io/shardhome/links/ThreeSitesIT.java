package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A full mesh of links between three sites: each shard reaches every site once, from its home only. */
@RequiresSiteMasters
class ThreeSitesIT {
    private static final Map<String, String> HOMES = Map.of("acme", "sjc", "pinnacle", "nyc", "zeta", "lon");
    private static final List<String> SITES = List.of("sjc", "nyc", "lon");
    private LinkHarness harness;

    @BeforeEach
    void threeSites() {
        harness = LinkHarness.start(SITES.toArray(String[]::new));
        HOMES.forEach(harness::define);
    }

    @AfterEach
    void closeLinks() {
        harness.close();
    }

    @Test
    void everyShardReachesEverySiteFromItsHomeOnlyAndNothingLoops() {
        List<Link> links = new ArrayList<>();
        for (String from : SITES) {
            for (String to : SITES) {
                if (!from.equals(to)) {
                    links.add(harness.link(from, to));
                }
            }
        }
        HOMES.forEach((shard, home) -> MariaDbSites.get(home)
                .execute(
                        "CREATE DATABASE " + shard,
                        "CREATE TABLE " + shard + ".t (id INT PRIMARY KEY, v VARCHAR(10))",
                        "INSERT INTO " + shard + ".t VALUES (1, 'a'), (2, 'b')",
                        "UPDATE " + shard + ".t SET v='c' WHERE id=2"));

        for (String site : SITES) {
            MariaDbSite master = MariaDbSites.get(site);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> HOMES.keySet().stream().allMatch(shard -> master.count(shard + ".t") == 2));
        }
        for (Link link : links) {
            awaitCaughtUp(link, link.config().roles().sourceSite());
        }
        for (Link link : links) {
            LinkStatus status = link.status();
            assertThat(status.state()).as(link.id()).isEqualTo(LinkState.ONLINE);
            assertThat(status.applied()).as(link.id()).isEqualTo(4);
            assertThat(status.droppedFor(Reason.ECHO)).as(link.id()).isPositive();
        }
        for (String shard : HOMES.keySet()) {
            List<List<String>> home =
                    MariaDbSites.get(HOMES.get(shard)).rows("SELECT * FROM " + shard + ".t ORDER BY id");
            for (String site : SITES) {
                assertThat(MariaDbSites.get(site).rows("SELECT * FROM " + shard + ".t ORDER BY id"))
                        .as(shard + " at " + site)
                        .isEqualTo(home);
            }
        }
    }
}
