package io.shardhome.filter.rules;

import static io.shardhome.filter.rules.RulesFixture.filter;
import static io.shardhome.filter.rules.RulesFixture.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {
    private static final int SHARDS = 40_000;
    private static final ShardMap BIG = ShardMap.of(
            1,
            IntStream.range(0, SHARDS)
                    .mapToObj(i -> ShardDefinition.of("s" + i, i % 2 == 0 ? "nyc" : "sjc", false))
                    .toList());

    @Test
    void repeatedApplyOfOneShardReusesOneDecision() {
        ShardFilter filter = filter("nyc", "sjc", "error", "error");

        Decision first = filter.decide(BIG, tx("s42", "nyc"));
        Decision again = filter.decide(BIG, tx("s42", "nyc"));

        assertThat(again).isSameAs(first).isEqualTo(new Decision(Action.APPLY, "s42", Reason.HOME_MATCH, ""));
    }

    @Test
    void moreShardsThanCacheSlotsStillGetTheirOwnDecisions() {
        ShardFilter filter = filter("nyc", "sjc", "error", "error");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SHARDS; i++) {
                Decision decision = filter.decide(BIG, tx("s" + i, "nyc"));
                Reason expected = i % 2 == 0 ? Reason.HOME_MATCH : Reason.WRONG_MASTER;
                assertThat(decision.shard()).isEqualTo("s" + i);
                assertThat(decision.reason()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyKnownShardOfALargeMapKeepsOneDecision() {
        ShardFilter filter = filter("nyc", "sjc", "error", "error");
        Decision[] first = new Decision[SHARDS];
        for (int i = 0; i < SHARDS; i += 2) {
            first[i] = filter.decide(BIG, tx("s" + i, "nyc"));
        }

        for (int i = 0; i < SHARDS; i += 2) {
            assertThat(filter.decide(BIG, tx("s" + i, "nyc"))).isSameAs(first[i]);
        }
    }

    @Test
    void aNewMapVersionIsJudgedByItsOwnDefinitions() {
        ShardFilter filter = filter("nyc", "sjc", "error", "drop");
        ShardMap before = ShardMap.of(1, ShardDefinition.of("acme", "nyc", false));
        ShardMap moved = ShardMap.of(2, ShardDefinition.of("acme", "sjc", false));
        ShardMap local = ShardMap.of(3, ShardDefinition.of("acme", "#LOCAL", false));

        assertThat(filter.decide(before, tx("acme", "nyc")).reason()).isEqualTo(Reason.HOME_MATCH);
        assertThat(filter.decide(moved, tx("acme", "nyc")).reason()).isEqualTo(Reason.WRONG_MASTER);
        assertThat(filter.apply(moved, tx("acme", "nyc")).reason()).isEqualTo(Reason.NOT_FROM_HOME);
        assertThat(filter.decide(local, tx("acme", "nyc")).reason()).isEqualTo(Reason.LOCAL_SHARD);
        assertThat(filter.decide(before, tx("acme", "nyc")).reason()).isEqualTo(Reason.HOME_MATCH);
    }

    @Test
    void extractorAndApplierMapsUsedInTurnKeepTheirDecisions() {
        ShardFilter filter = filter("nyc", "sjc", "error", "error");
        ShardMap sourceView = ShardMap.of(5, ShardDefinition.of("acme", "nyc", false));
        ShardMap targetView = ShardMap.of(5, ShardDefinition.of("acme", "nyc", false));
        Decision extracted = filter.extract(sourceView, tx("acme", "nyc"));
        Decision applied = filter.apply(targetView, tx("acme", "nyc"));

        for (int round = 0; round < 3; round++) {
            assertThat(filter.extract(sourceView, tx("acme", "nyc"))).isSameAs(extracted);
            assertThat(filter.apply(targetView, tx("acme", "nyc"))).isSameAs(applied);
        }
        assertThat(applied).isEqualTo(extracted).isEqualTo(new Decision(Action.APPLY, "acme", Reason.HOME_MATCH, ""));
    }
}
