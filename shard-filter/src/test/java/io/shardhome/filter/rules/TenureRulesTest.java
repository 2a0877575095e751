package io.shardhome.filter.rules;

import static io.shardhome.filter.rules.RulesFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transaction is judged by the home in force when it was committed (its shard's home history), and an
 * APPLY names the earlier homes the target must have first. Sites nyc (domain 1), sjc (2) and lon (3);
 * acme moved nyc -> sjc with nyc fenced at 1-1-10 and sjc at 2-2-20 when it flipped.
 */
class TenureRulesTest {
    private static final ShardDefinition MOVED =
            ShardDefinition.of("acme", "nyc", false).movedTo("sjc", set("1-1-10"), set("2-2-20"));
    private static final ShardMap MAP = ShardMap.of(3, MOVED);

    @ParameterizedTest(name = "wrongMaster={0}")
    @ValueSource(strings = {"error", "warn", "drop", "accept"})
    void theOldHomesPreFenceTransactionsApplyAtEveryCopyAfterTheFlipWhateverThePolicy(String policy) {
        ShardFilter nycToLon = filter("nyc", "lon", "error", policy);
        for (Decision d : allSides(nycToLon, tx("1-1-10", "nyc"))) {
            assertThat(d.action()).isEqualTo(Action.APPLY);
            assertThat(d.reason()).isEqualTo(Reason.HOME_MATCH);
            assertThat(d.predecessors()).as("nyc was the first home").isEmpty();
        }
    }

    @Test
    void theNewHomesTransactionsNameTheOldHomeAndItsFenceAsPredecessor() {
        Decision atLon = filter("sjc", "lon", "error", "error").decide(MAP, tx("2-2-21", "sjc"));
        assertThat(atLon.action()).isEqualTo(Action.APPLY);
        assertThat(atLon.predecessors()).containsExactly(new Predecessor("nyc", set("1-1-10")));
        Decision atNyc = filter("sjc", "nyc", "error", "error").decide(MAP, tx("2-2-21", "sjc"));
        assertThat(atNyc.action()).isEqualTo(Action.APPLY);
        assertThat(atNyc.predecessors()).as("nyc has its own writes").isEmpty();
    }

    @Test
    void aWriteAtTheOldHomeAfterItsFenceIsAWrongMasterWrite() {
        Decision d = filter("nyc", "lon", "error", "error").decide(MAP, tx("1-1-11", "nyc"));
        assertThat(d.action()).isEqualTo(Action.FAIL);
        assertThat(d.message()).isEqualTo("Rejected wrong-master write: gtid=1-1-11 shard=acme site=nyc home=sjc");
        assertThat(filter("nyc", "lon", "error", "error")
                        .apply(MAP, tx("1-1-11", "nyc"))
                        .reason())
                .isEqualTo(Reason.NOT_FROM_HOME);
    }

    @ParameterizedTest(name = "wrongMaster={0} -> {1}")
    @ValueSource(strings = {"error", "warn", "drop"})
    void aWriteAtTheNewHomeFromBeforeItsTenureIsAWrongMasterWriteThoughItIsTheHomeNow(String policy) {
        ShardFilter sjcToLon = filter("sjc", "lon", "error", policy);
        Decision d = sjcToLon.decide(MAP, tx("2-2-20", "sjc"));
        assertThat(d.action()).isEqualTo(policy.equals("error") ? Action.FAIL : Action.DROP);
        assertThat(d.message())
                .contains("shard=acme site=sjc home=sjc")
                .endsWith("(committed at sjc while another site was the home)");
        assertThat(sjcToLon.extract(MAP, tx("2-2-20", "sjc")).reason())
                .isEqualTo(policy.equals("warn") ? Reason.WARNED_BY_POLICY : Reason.WRONG_MASTER);
        assertThat(sjcToLon.apply(MAP, tx("2-2-20", "sjc")).reason()).isEqualTo(Reason.NOT_FROM_HOME);
        assertThat(sjcToLon.decide(MAP, tx("2-2-21", "sjc")).isApply())
                .as("the current tenure's verdict is unharmed by the drop")
                .isTrue();
    }

    @Test
    void everyEarlierHomeIsAPredecessorExceptTheLinksOwnEnds() {
        ShardDefinition twice = MOVED.movedTo("lon", set("2-2-30"), set("3-3-40"));
        ShardMap map = ShardMap.of(4, twice);
        assertThat(filter("lon", "tor", "error", "error")
                        .decide(map, tx("3-3-41", "lon"))
                        .predecessors())
                .containsExactly(new Predecessor("nyc", set("1-1-10")), new Predecessor("sjc", set("2-2-30")));
        assertThat(filter("lon", "nyc", "error", "error")
                        .decide(map, tx("3-3-41", "lon"))
                        .predecessors())
                .containsExactly(new Predecessor("sjc", set("2-2-30")));
        ShardMap back = ShardMap.of(5, twice.movedTo("nyc", set("3-3-50"), set("1-1-60")));
        assertThat(filter("nyc", "sjc", "error", "error")
                        .decide(back, tx("1-1-61", "nyc"))
                        .predecessors())
                .as("nyc's own earlier tenure reaches sjc over this same link, in order")
                .containsExactly(new Predecessor("lon", set("3-3-50")));
        assertThat(filter("sjc", "tor", "error", "error")
                        .decide(back, tx("2-2-25", "sjc"))
                        .predecessors())
                .as("a transaction of an earlier tenure waits only for the homes before it")
                .containsExactly(new Predecessor("nyc", set("1-1-10")));
    }

    @Test
    void aLostEndIsNoPredecessor() {
        ShardMap map = ShardMap.of(
                4,
                new ShardDefinition("acme", MOVED.home(), false, MOVED.history().withLostEnd(0)));
        Decision d = filter("sjc", "lon", "error", "error").decide(map, tx("2-2-21", "sjc"));
        assertThat(d.isApply()).isTrue();
        assertThat(d.predecessors()).isEmpty();
    }

    @Test
    void afterAFailoverTheDeadHomesUnshippedTransactionsAreNotFromTheHomeAndNobodyWaitsForIt() {
        ShardMap map = ShardMap.of(
                5, ShardDefinition.of("acme", "nyc", false).failedOverTo("sjc", set("1-1-10"), set("2-2-20")));
        Decision orphan = filter("nyc", "lon", "error", "error").decide(map, tx("1-1-11", "nyc"));
        assertThat(orphan.action()).isEqualTo(Action.FAIL);
        assertThat(orphan.message()).contains("wrong-master write: gtid=1-1-11 shard=acme site=nyc home=sjc");
        assertThat(filter("nyc", "lon", "error", "error")
                        .decide(map, tx("1-1-10", "nyc"))
                        .isApply())
                .as("shipped before the death")
                .isTrue();
        Decision atLon = filter("sjc", "lon", "error", "error").decide(map, tx("2-2-21", "sjc"));
        assertThat(atLon.isApply()).isTrue();
        assertThat(atLon.predecessors())
                .as("a lost end is waited for by nobody")
                .isEmpty();
    }

    @Test
    void aTransactionOlderThanATruncatedHistoryIsJudgedByTheCurrentHomeWaitingForNobody() {
        ShardDefinition shard = ShardDefinition.of("acme", "nyc", false);
        for (int move = 1; move <= 17; move++) {
            boolean toSjc = shard.home().isSite("nyc");
            shard = shard.movedTo(
                    toSjc ? "sjc" : "nyc",
                    set((toSjc ? "1-1-" : "2-2-") + move * 100),
                    set((toSjc ? "2-2-" : "1-1-") + (move * 100 + 50)));
        }
        ShardMap map = ShardMap.of(9, shard);
        assertThat(shard.home().value()).isEqualTo("sjc");
        assertThat(shard.history().isTruncated()).isTrue();
        Decision old = filter("sjc", "lon", "error", "error").decide(map, tx("2-2-1", "sjc"));
        assertThat(old.isApply()).isTrue();
        assertThat(old.predecessors()).isEmpty();
        assertThat(filter("nyc", "lon", "error", "error")
                        .decide(map, tx("1-1-1", "nyc"))
                        .action())
                .as("nyc is not the home now")
                .isEqualTo(Action.FAIL);
    }

    @Test
    void theCurrentTenuresDecisionIsCachedAndEarlierOnesDoNotDisturbIt() {
        ShardFilter sjcToLon = filter("sjc", "lon", "error", "error");
        Decision first = sjcToLon.decide(MAP, tx("2-2-21", "sjc"));
        assertThat(sjcToLon.decide(MAP, tx("2-2-22", "sjc"))).isSameAs(first);
        ShardFilter nycToLon = filter("nyc", "lon", "error", "error");
        assertThat(nycToLon.decide(MAP, tx("1-1-5", "nyc")).isApply()).isTrue();
        assertThat(nycToLon.decide(MAP, tx("1-1-11", "nyc")).action()).isEqualTo(Action.FAIL);
        assertThat(nycToLon.decide(MAP, tx("1-1-6", "nyc")).isApply()).isTrue();
    }

    @Test
    void withoutAGtidAMovedShardIsJudgedByTheCurrentHome() {
        TransactionHeader noGtid = new TransactionHeader(Set.of("acme"), false, "sjc", null, "");
        assertThat(filter("sjc", "lon", "error", "error").decide(MAP, noGtid).isApply())
                .isTrue();
        TransactionHeader oldHome = new TransactionHeader(Set.of("acme"), false, "nyc", null, "");
        assertThat(filter("nyc", "lon", "error", "error").decide(MAP, oldHome).action())
                .isEqualTo(Action.FAIL);
    }

    @Test
    void echoesOfAMovedShardAreStillDropped() {
        assertThat(filter("nyc", "lon", "error", "error")
                        .decide(MAP, tx("1-1-5", "sjc"))
                        .reason())
                .isEqualTo(Reason.ECHO);
    }

    private static Decision[] allSides(ShardFilter filter, TransactionHeader tx) {
        return new Decision[] {filter.extract(MAP, tx), filter.apply(MAP, tx), filter.decide(MAP, tx)};
    }

    private static TransactionHeader tx(String gtid, String origin) {
        return new TransactionHeader(Set.of("acme"), false, origin, Gtid.parse(gtid), "");
    }

    private static GtidSet set(String text) {
        return GtidSet.parse(text);
    }
}
