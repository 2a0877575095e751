package io.shardhome.service.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.gtid.GtidSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardLossTest {
    @Test
    void namesTheTransactionsTheNewHomeNeverGot() {
        ShardLoss loss = ShardLoss.of(
                "acme",
                "nyc",
                "sjc",
                Map.of("sjc", GtidSet.parse("1-1-5000"), "lon", GtidSet.parse("1-1-4990")),
                GtidSet.parse("1-1-5012"));

        assertThat(loss.summary())
                .startsWith("acme: transactions of nyc after 1-1-5000 up to 1-1-5012 were not shipped to sjc (12 ");
        assertThat(loss.unshipped()).isEqualTo(12);
        assertThat(loss.reseed()).isEmpty();
        assertThat(loss.survivors()).containsEntry("lon", "1-1-4990");
    }

    @Test
    void saysNothingWasLostWhenTheNewHomeHasEverythingKnown() {
        ShardLoss loss = ShardLoss.of(
                "acme", "nyc", "sjc", Map.of("sjc", GtidSet.parse("1-1-5012")), GtidSet.parse("1-1-5012"), 3);
        assertThat(loss.summary())
                .isEqualTo("acme: nothing lost as far as known: sjc has every transaction nyc was last known to have"
                        + " (1-1-5012, measured 3 s before the failover); anything nyc committed later is listed as an"
                        + " orphan when it returns");
        assertThat(loss.unshipped()).isZero();
    }

    @Test
    void anUnknownLastPositionIsSaidAndLeftToTheOrphansOfTheReturn() {
        ShardLoss loss = ShardLoss.of("acme", "nyc", "sjc", Map.of("sjc", GtidSet.EMPTY), GtidSet.EMPTY);
        assertThat(loss.unshipped()).isEqualTo(-1);
        assertThat(loss.summary()).contains("unknown").contains("orphans when nyc returns");
    }

    @Test
    void aSurvivorAheadOfTheNewHomeNeedsAReseedOfTheShard() {
        ShardLoss loss = ShardLoss.of(
                "acme",
                "nyc",
                "sjc",
                Map.of("sjc", GtidSet.parse("1-1-10"), "lon", GtidSet.parse("1-1-12")),
                GtidSet.parse("1-1-12"));
        assertThat(loss.reseed()).containsExactly("lon");
        assertThat(loss.summary()).endsWith("lon processed more of nyc than sjc: re-seed acme there from sjc");
    }
}
