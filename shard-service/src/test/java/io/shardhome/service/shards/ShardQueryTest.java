package io.shardhome.service.shards;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardQueryTest {
    private static final DirectorySnapshot SNAPSHOT = DirectorySnapshot.of(
            9,
            List.of(Site.of("nyc", "h", 1), Site.of("sjc", "h", 2)),
            List.of(
                    ShardEntry.of("acme", "sjc", false),
                    ShardEntry.of("acme_eu", "nyc", false),
                    ShardEntry.of("pinnacle", "nyc", true),
                    ShardEntry.of("scratch", "#LOCAL", false),
                    ShardEntry.of("zeta", "sjc", false)));

    @ParameterizedTest(name = "home={0} q={1} page={2} size={3} -> {4} of {5}")
    @CsvSource({
        "'',       '',    0, 100, 'acme acme_eu pinnacle scratch zeta', 5",
        "nyc,      '',    0, 100, 'acme_eu pinnacle',                   2",
        "NYC,      '',    0, 100, 'acme_eu pinnacle',                   2",
        "#local,   '',    0, 100, 'scratch',                            1",
        "'',       ACME,  0, 100, 'acme acme_eu',                       2",
        "sjc,      acme,  0, 100, 'acme',                               1",
        "'',       '',    0, 2,   'acme acme_eu',                       5",
        "'',       '',    2, 2,   'zeta',                               5",
        "'',       '',    3, 2,   '',                                   5",
        "atlantis, '',    0, 100, '',                                   0"
    })
    void filtersByHomeAndTextThenPages(String home, String q, int page, int size, String ids, int total) {
        ShardPageBody result = new ShardQuery(home, q, page, size).apply(SNAPSHOT);

        assertThat(result.items())
                .extracting(ShardBody::shard)
                .containsExactly(ids.isBlank() ? new String[0] : ids.split(" "));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.mapVersion()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, 0, 1", "0, 5000, 0, 1000"})
    void clampsPageAndSize(int page, int size, int expectedPage, int expectedSize) {
        ShardQuery query = new ShardQuery(null, null, page, size);

        assertThat(query.page()).isEqualTo(expectedPage);
        assertThat(query.size()).isEqualTo(expectedSize);
    }
}
