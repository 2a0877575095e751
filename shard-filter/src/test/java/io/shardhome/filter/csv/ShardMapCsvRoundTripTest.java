package io.shardhome.filter.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.Names;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** parse(write(m)) == m over generated maps: odd names, every home kind, any version. */
class ShardMapCsvRoundTripTest {
    private static final String ID_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$\u00e9\u00fc\u4e2d";
    private static final String SITE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026, 31337})
    void writtenMapParsesBackToAnEqualMapIncludingVersion(long seed) {
        ShardMap map = randomMap(new Random(seed));

        String csv = ShardMapCsv.toCsv(map);
        ShardMap parsed = ShardMapCsv.parse("generated.csv", csv).map();

        assertThat(parsed).isEqualTo(map);
        assertThat(parsed.version()).isEqualTo(map.version());
        assertThat(ShardMapCsv.toCsv(parsed)).isEqualTo(csv);
    }

    private static ShardMap randomMap(Random random) {
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            sites.add(randomText(random, SITE_CHARS, 1 + random.nextInt(32)));
        }
        Set<String> ids = new HashSet<>();
        List<ShardDefinition> shards = new ArrayList<>();
        int size = random.nextInt(300);
        while (shards.size() < size) {
            String id = randomText(random, ID_CHARS, 1 + random.nextInt(Names.MAX_SHARD_ID_LENGTH));
            if (Names.shardIdProblem(id).isEmpty() && ids.add(id)) {
                Home home = random.nextInt(8) == 0 ? Home.LOCAL : Home.site(sites.get(random.nextInt(sites.size())));
                shards.add(new ShardDefinition(id, home, random.nextBoolean()));
            }
        }
        return ShardMap.of(random.nextInt(3) == 0 ? 0 : random.nextLong() & Long.MAX_VALUE, shards);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
