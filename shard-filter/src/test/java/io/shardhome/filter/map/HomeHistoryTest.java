package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenures of a shard's homes: how moves record them, how transactions are placed in them, and the bounds. */
class HomeHistoryTest {
    private static final Home NYC = Home.site("nyc");
    private static final Home SJC = Home.site("sjc");

    @Test
    void aNeverMovedShardHasOneOpenTenureAtItsHomeCoveringItsWholePast() {
        HomeHistory none = HomeHistory.NONE;
        assertThat(none.isNone()).isTrue();
        assertThat(none.tenures()).isEmpty();
        assertThat(none.tenuresAt(NYC)).containsExactly(Tenure.open("nyc", GtidSet.EMPTY));
        assertThat(none.tenuresAt(Home.LOCAL)).isEmpty();
        assertThat(none.locate(NYC, "nyc", gtid("1-1-1"))).isZero();
        assertThat(none.locate(NYC, "sjc", gtid("2-2-1"))).isEqualTo(HomeHistory.OUTSIDE);
    }

    @Test
    void aMoveClosesTheOldHomeAtTheFenceAndOpensTheNewOneAtItsFlipPosition() {
        HomeHistory moved = HomeHistory.NONE.movedTo(NYC, "sjc", set("1-1-10"), set("2-2-20"));
        assertThat(moved.tenures())
                .containsExactly(
                        new Tenure("nyc", GtidSet.EMPTY, set("1-1-10"), Tenure.Ending.CLOSED),
                        Tenure.open("sjc", set("2-2-20")));
        assertThat(moved.isTruncated()).isFalse();
        assertThat(moved).hasToString("[nyc until 1-1-10, sjc after 2-2-20]");
    }

    @Test
    void transactionsArePlacedInTheTenureTheyWereCommittedIn() {
        HomeHistory moved = HomeHistory.NONE.movedTo(NYC, "sjc", set("1-1-10"), set("2-2-20"));
        assertThat(moved.locate(SJC, "nyc", gtid("1-1-10")))
                .as("last pre-fence")
                .isZero();
        assertThat(moved.locate(SJC, "nyc", gtid("1-1-1"))).as("old pre-fence").isZero();
        assertThat(moved.locate(SJC, "nyc", gtid("1-1-11")))
                .as("nyc after its fence")
                .isEqualTo(HomeHistory.OUTSIDE);
        assertThat(moved.locate(SJC, "sjc", gtid("2-2-21")))
                .as("sjc after the flip")
                .isEqualTo(1);
        assertThat(moved.locate(SJC, "sjc", gtid("2-2-20")))
                .as("sjc before the flip")
                .isEqualTo(HomeHistory.OUTSIDE);
        assertThat(moved.locate(SJC, "lon", gtid("3-3-5"))).isEqualTo(HomeHistory.OUTSIDE);
        assertThat(moved.locate(SJC, "sjc", gtid("5-2-1")))
                .as("a domain the flip position lacks started after it")
                .isEqualTo(1);
    }

    @Test
    void aWriteAtAFormerHomeBetweenItsTenuresIsOutsideEvenWhenItIsHomeAgain() {
        HomeHistory back = HomeHistory.NONE
                .movedTo(NYC, "sjc", set("1-1-10"), set("2-2-20"))
                .movedTo(SJC, "nyc", set("2-2-30"), set("1-1-15"));
        assertThat(back.locate(NYC, "nyc", gtid("1-1-9"))).isZero();
        assertThat(back.locate(NYC, "nyc", gtid("1-1-12"))).isEqualTo(HomeHistory.OUTSIDE);
        assertThat(back.locate(NYC, "nyc", gtid("1-1-16"))).isEqualTo(2);
        assertThat(back.locate(NYC, "sjc", gtid("2-2-25"))).isEqualTo(1);
    }

    @Test
    void mySqlFlavouredPositionsPlaceTransactionsByInterval() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        HomeHistory moved = HomeHistory.NONE.movedTo(NYC, "sjc", set(uuid + ":1-10"), GtidSet.EMPTY);
        assertThat(moved.locate(SJC, "nyc", gtid(uuid + ":7"))).isZero();
        assertThat(moved.locate(SJC, "nyc", gtid(uuid + ":11"))).isEqualTo(HomeHistory.OUTSIDE);
    }

    @Test
    void theHistoryKeepsTheLastSixteenTenuresAndSaysWhenItDroppedOlderOnes() {
        HomeHistory history = HomeHistory.NONE;
        Home home = NYC;
        for (int move = 1; move <= 20; move++) {
            String to = home.isSite("nyc") ? "sjc" : "nyc";
            history = history.movedTo(home, to, position(home.value(), move), position(to, move));
            home = Home.site(to);
        }
        assertThat(history.tenures()).hasSize(HomeHistory.LIMIT);
        assertThat(history.isTruncated()).isTrue();
        assertThat(history.tenures().get(HomeHistory.LIMIT - 1).isOpen()).isTrue();
        assertThat(history.tenures().get(0).start()).isEqualTo(position("sjc", 5));
        assertThat(history.locate(home, "nyc", gtid("1-1-1")))
                .as("older than the oldest kept tenure at nyc")
                .isEqualTo(HomeHistory.UNKNOWN);
        assertThat(history.locate(home, "sjc", gtid("2-2-1"))).isEqualTo(HomeHistory.UNKNOWN);
        assertThat(history.locate(home, "nyc", gtid("1-1-6003"))).isEqualTo(6 - 5);
        assertThat(history.locate(home, "nyc", gtid("1-1-7500")))
                .as("after the oldest kept tenure at nyc began, in none of its tenures")
                .isEqualTo(HomeHistory.OUTSIDE);
    }

    @Test
    void anEndedTenureCanBeMarkedLostButNotTheOpenOne() {
        HomeHistory moved = HomeHistory.NONE.movedTo(NYC, "sjc", set("1-1-10"), set("2-2-20"));
        HomeHistory lost = moved.withLostEnd(0);
        assertThat(lost.tenures().get(0).ending()).isEqualTo(Tenure.Ending.LOST);
        assertThat(lost.locate(SJC, "nyc", gtid("1-1-9"))).isZero();
        assertThat(lost.locate(SJC, "nyc", gtid("1-1-11"))).isEqualTo(HomeHistory.OUTSIDE);
        assertThatThrownBy(() -> moved.withLostEnd(1)).isInstanceOf(ShardFilterException.class);
    }

    @Test
    void recordedHistoriesThatCannotBeRealAreRejected() {
        Tenure closedNyc = new Tenure("nyc", GtidSet.EMPTY, set("1-1-1"), Tenure.Ending.CLOSED);
        Tenure openSjc = Tenure.open("sjc", GtidSet.EMPTY);
        assertThat(HomeHistory.of(List.of(), false)).isSameAs(HomeHistory.NONE);
        assertInvalid(List.of(closedNyc), false, "only the last tenure");
        assertInvalid(List.of(openSjc, closedNyc), false, "only the last tenure");
        assertInvalid(List.of(closedNyc, Tenure.open("nyc", set("1-1-1"))), false, "twice");
        assertInvalid(List.of(), true, "cannot be truncated");
        List<Tenure> many = new ArrayList<>();
        for (int i = 0; i < HomeHistory.LIMIT; i++) {
            many.add(new Tenure(i % 2 == 0 ? "nyc" : "sjc", GtidSet.EMPTY, set("1-1-1"), Tenure.Ending.CLOSED));
        }
        many.add(Tenure.open("lon", GtidSet.EMPTY));
        assertInvalid(many, true, "at most 16");
        assertThatThrownBy(() -> new Tenure("nyc", GtidSet.EMPTY, set("1-1-1"), Tenure.Ending.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDefinitionsHistoryEndsAtItsHome() {
        HomeHistory moved = HomeHistory.NONE.movedTo(NYC, "sjc", set("1-1-10"), set("2-2-20"));
        assertThatThrownBy(() -> new ShardDefinition("acme", NYC, false, moved))
                .isInstanceOfSatisfying(ShardFilterException.class, e -> assertThat(e.getMessage())
                        .contains("acme", "homed at nyc", "ends at sjc"));
        assertThatThrownBy(() -> new ShardDefinition("acme", Home.LOCAL, false, moved))
                .isInstanceOf(ShardFilterException.class);
        assertThat(new ShardDefinition("acme", SJC, false, null).history()).isSameAs(HomeHistory.NONE);
    }

    @Test
    void editsKeepTheHistoryWhileTheHomeStaysAndStartOverWhenItChanges() {
        ShardDefinition moved = ShardDefinition.of("acme", "nyc", false).movedTo("sjc", set("1-1-10"), set("2-2-20"));
        assertThat(moved.home()).isEqualTo(SJC);
        assertThat(moved.withCritical(true).history()).isEqualTo(moved.history());
        assertThat(moved.withHome(SJC).history()).isEqualTo(moved.history());
        assertThat(moved.withHome(NYC).history()).isSameAs(HomeHistory.NONE);
        ShardDefinition fromCsv = ShardDefinition.of("acme", "sjc", true);
        assertThat(fromCsv.keepingHistoryOf(moved)).isEqualTo(new ShardDefinition("acme", SJC, true, moved.history()));
        assertThat(ShardDefinition.of("acme", "lon", false)
                        .keepingHistoryOf(moved)
                        .history())
                .isSameAs(HomeHistory.NONE);
        assertThat(fromCsv.keepingHistoryOf(null)).isSameAs(fromCsv);
    }

    @Test
    void aFailoverEndsTheDeadHomesTenureLostAtWhatTheNewHomeHadOfIt() {
        ShardDefinition failedOver =
                ShardDefinition.of("acme", "nyc", false).failedOverTo("sjc", set("1-1-10"), set("2-2-20"));
        assertThat(failedOver.home()).isEqualTo(SJC);
        assertThat(failedOver.history().tenures())
                .containsExactly(
                        new Tenure("nyc", GtidSet.EMPTY, set("1-1-10"), Tenure.Ending.LOST),
                        Tenure.open("sjc", set("2-2-20")));
        assertThat(failedOver.history()).hasToString("[nyc until 1-1-10 (lost), sjc after 2-2-20]");
        assertThat(failedOver.history().locate(SJC, "nyc", gtid("1-1-10")))
                .as("shipped before the death")
                .isZero();
        assertThat(failedOver.history().locate(SJC, "nyc", gtid("1-1-11")))
                .as("an orphan: committed at nyc, never shipped")
                .isEqualTo(HomeHistory.OUTSIDE);
        assertThatThrownBy(() -> HomeHistory.NONE.failedOverTo(NYC, "nyc", set("1-1-1"), set("1-1-1")))
                .isInstanceOf(ShardFilterException.class)
                .hasMessageContaining("from one site to another");
    }

    private static void assertInvalid(List<Tenure> tenures, boolean truncated, String why) {
        assertThatThrownBy(() -> HomeHistory.of(tenures, truncated))
                .isInstanceOfSatisfying(ShardFilterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ShardFilterException.Code.INVALID_SHARD_MAP);
                    assertThat(e.getMessage()).contains(why);
                });
    }

    /** A site's GTID position after {@code move} moves: 1,000 of its transactions per move. */
    private static GtidSet position(String site, int move) {
        int id = site.equals("nyc") ? 1 : 2;
        return set(id + "-" + id + "-" + (move * 1000L + (site.equals("nyc") ? 0 : 500)));
    }

    private static GtidSet set(String text) {
        return GtidSet.parse(text);
    }

    private static Gtid gtid(String text) {
        return Gtid.parse(text);
    }
}
