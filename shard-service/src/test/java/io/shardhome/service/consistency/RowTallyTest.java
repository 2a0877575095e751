package io.shardhome.service.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTallyTest {
    @Test
    void rowsByKeyAreMissingExtraOrDifferentAndOnlyTheFirstKeysAreListed() {
        RowTally tally = new RowTally(2);

        tally.byKey(Map.of("1", 10L, "2", 20L, "3", 30L, "4", 40L, "5", 50L), Map.of("1", 10L, "2", 21L, "9", 90L));

        assertThat(tally.different()).isEqualTo(new TableDiff.Rows(1, java.util.List.of("2")));
        assertThat(tally.extra()).isEqualTo(new TableDiff.Rows(1, java.util.List.of("9")));
        assertThat(tally.missing().count()).isEqualTo(3);
        assertThat(tally.missing().keys()).hasSize(2);
        assertThat(tally.isEmpty()).isFalse();
    }

    @Test
    void rowsWithoutKeyAreComparedAsMultisetsOfHashes() {
        RowTally tally = new RowTally(10);

        tally.byHash(Map.of(7L, 2L, 8L, 1L), Map.of(7L, 1L, 9L, 1L));

        assertThat(tally.missing().count()).isEqualTo(2);
        assertThat(tally.extra()).isEqualTo(new TableDiff.Rows(1, java.util.List.of("row hash 9")));
    }

    @Test
    void equalChunksLeaveTheTallyEmpty() {
        RowTally tally = new RowTally(10);

        tally.byKey(Map.of("1", 1L), Map.of("1", 1L));
        tally.byHash(Map.of(1L, 3L), Map.of(1L, 3L));

        assertThat(tally.isEmpty()).isTrue();
    }
}
