package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.map.ShardMapDiff.Change;
import org.junit.jupiter.api.Test;

class ShardMapDiffTest {
    private static final ShardDefinition ACME_SJC = ShardDefinition.of("acme", "sjc", false);
    private static final ShardDefinition ACME_NYC = ShardDefinition.of("acme", "nyc", false);
    private static final ShardDefinition PINNACLE = ShardDefinition.of("pinnacle", "nyc", false);
    private static final ShardDefinition LEDGER = ShardDefinition.of("ledger", "nyc", false);
    private static final ShardDefinition LEDGER_CRITICAL = ShardDefinition.of("ledger", "nyc", true);
    private static final ShardDefinition ZETA = ShardDefinition.of("zeta", "lon", false);
    private static final ShardDefinition BETA = ShardDefinition.of("beta", "#LOCAL", false);

    private static final ShardMap BASE = ShardMap.of(4, ACME_SJC, PINNACLE, LEDGER);
    private static final ShardMap INCOMING = ShardMap.of(9, ZETA, ACME_NYC, BETA, LEDGER_CRITICAL);

    @Test
    void diffListsAddedRemovedAndChangedSortedByShardId() {
        ShardMapDiff diff = ShardMapDiff.between(BASE, INCOMING);

        assertThat(diff.added()).containsExactly(BETA, ZETA);
        assertThat(diff.removed()).containsExactly(PINNACLE);
        assertThat(diff.changed()).containsExactly(new Change(ACME_SJC, ACME_NYC), new Change(LEDGER, LEDGER_CRITICAL));
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.summary()).isEqualTo("+2 added, -1 removed, ~2 changed");
        assertThat(diff.describe())
                .containsExactly(
                        "+ beta #LOCAL false",
                        "+ zeta lon false",
                        "- pinnacle nyc false",
                        "~ acme sjc false -> nyc false",
                        "~ ledger nyc false -> nyc true");
    }

    @Test
    void mapsWithTheSameDefinitionsHaveAnEmptyDiffWhateverTheirVersions() {
        ShardMapDiff diff = ShardMapDiff.between(BASE, BASE.withVersion(99));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.summary()).isEqualTo("no changes");
        assertThat(diff.describe()).isEmpty();
    }

    @Test
    void diffInReverseSwapsAddedAndRemoved() {
        ShardMapDiff forward = ShardMapDiff.between(BASE, INCOMING);
        ShardMapDiff backward = ShardMapDiff.between(INCOMING, BASE);

        assertThat(backward.added()).isEqualTo(forward.removed());
        assertThat(backward.removed()).isEqualTo(forward.added());
        assertThat(backward.changed()).extracting(Change::after).containsExactly(ACME_SJC, LEDGER);
    }

    @Test
    void mergeLetsIncomingWinAndRemovesNothing() {
        ShardMap merged = ShardMapDiff.merge(BASE, INCOMING);

        assertThat(merged).isEqualTo(ShardMap.of(5, ACME_NYC, PINNACLE, LEDGER_CRITICAL, ZETA, BETA));
        assertThat(ShardMapDiff.between(BASE, merged).removed()).isEmpty();
    }

    @Test
    void replaceTakesIncomingDefinitionsAsTheNextVersion() {
        ShardMap replaced = ShardMapDiff.replace(BASE, INCOMING);

        assertThat(replaced).isEqualTo(INCOMING.withVersion(5));
    }

    @Test
    void mergeOrReplaceWithoutChangeKeepsTheBaseAndItsVersion() {
        assertThat(ShardMapDiff.merge(BASE, ShardMap.of(1, PINNACLE))).isSameAs(BASE);
        assertThat(ShardMapDiff.replace(BASE, BASE.withVersion(12))).isSameAs(BASE);
    }
}
