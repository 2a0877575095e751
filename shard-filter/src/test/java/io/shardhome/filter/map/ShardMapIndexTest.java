package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardMapIndexTest {
    /** "Aa" and "BB" have the same String hash code, so these four ids all share one. */
    private static final List<String> SAME_HASH = List.of("shardAaAa", "shardAaBB", "shardBBAa", "shardBBBB");
    /** Hash codes 0 and 1: the index stores both as 1, since 0 marks an empty slot. */
    private static final String HASH_ZERO = "sencavmsb";

    private static final String HASH_ONE = "sencavmsc";

    private static final int LARGE = 200_000;
    private static final ShardMap LARGE_MAP = ShardMap.of(
            3, IntStream.range(0, LARGE).mapToObj(ShardMapIndexTest::numbered).toList());

    private static ShardDefinition numbered(int i) {
        return ShardDefinition.of("shard" + i, i % 7 == 0 ? "#LOCAL" : "nyc", i % 50 == 0);
    }

    @Test
    void idsWithEqualHashCodesAreEachFoundInTheirOwnSlot() {
        ShardMap map = ShardMap.of(
                1,
                SAME_HASH.stream()
                        .map(id -> ShardDefinition.of(id, "sjc", false))
                        .toList());

        assertThat(SAME_HASH.stream().map(String::hashCode).distinct()).hasSize(1);
        assertThat(SAME_HASH).allSatisfy(id -> {
            assertThat(map.lookup(id)).isEqualTo(ShardDefinition.of(id, "sjc", false));
            assertThat(map.definitionAt(map.slotOf(id)).shardId()).isEqualTo(id);
        });
        assertThat(SAME_HASH.stream().map(map::slotOf).distinct()).hasSize(SAME_HASH.size());
    }

    @Test
    void hashCodesZeroAndOneShareAStoredHashButNotASlot() {
        assertThat(HASH_ZERO.hashCode()).isZero();
        assertThat(HASH_ONE.hashCode()).isEqualTo(1);
        ShardMap map =
                ShardMap.of(1, ShardDefinition.of(HASH_ZERO, "nyc", false), ShardDefinition.of(HASH_ONE, "lon", true));

        assertThat(map.lookup(HASH_ZERO).home()).isEqualTo(Home.site("nyc"));
        assertThat(map.lookup(HASH_ONE).home()).isEqualTo(Home.site("lon"));
        assertThat(map.slotOf(HASH_ZERO)).isNotEqualTo(map.slotOf(HASH_ONE));
        assertThat(ShardMap.of(1, ShardDefinition.of(HASH_ONE, "lon", true)).lookup(HASH_ZERO))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an id the map never had, shard_absent",
        "an id with the hash code of present ones, shardAaBB",
        "an id with hash code 0, sencavmsb",
        "a present id in another case, SHARDAAAA"
    })
    void absentIdsAreNotFound(String description, String absent) {
        ShardMap map = ShardMap.of(
                1, ShardDefinition.of("shardAaAa", "nyc", false), ShardDefinition.of("shardBBBB", "nyc", false));

        assertThat(map.slotOf(absent)).isEqualTo(-1);
        assertThat(map.lookup(absent)).isNull();
        assertThat(map.contains(absent)).isFalse();
        assertThat(map.asMap()).doesNotContainKey(absent);
    }

    @Test
    void emptyMapFindsNothingAndStillHasSlots() {
        assertThat(ShardMap.empty().lookup("acme")).isNull();
        assertThat(ShardMap.empty().slotOf(HASH_ZERO)).isEqualTo(-1);
        assertThat(ShardMap.empty().slotCount()).isPositive();
        assertThat(ShardMap.empty().asMap()).isEmpty();
    }

    @Test
    void largeMapFindsEveryShardAndNoOther() {
        for (int i = 0; i < LARGE; i++) {
            String id = "shard" + i;
            int slot = LARGE_MAP.slotOf(id);
            assertThat(slot).isBetween(0, LARGE_MAP.slotCount() - 1);
            assertThat(LARGE_MAP.definitionAt(slot)).isEqualTo(numbered(i));
            assertThat(LARGE_MAP.slotOf("absent" + i)).isEqualTo(-1);
        }
        assertThat(LARGE_MAP.size()).isEqualTo(LARGE);
    }

    @Test
    void slotCountIsAPowerOfTwoLeavingAThirdOfTheSlotsFree() {
        int slots = LARGE_MAP.slotCount();

        assertThat(Integer.bitCount(slots)).isEqualTo(1);
        assertThat(slots).isGreaterThanOrEqualTo(LARGE * 3 / 2);
        assertThat(IntStream.range(0, slots)
                        .filter(s -> LARGE_MAP.definitionAt(s) != null)
                        .count())
                .isEqualTo(LARGE);
    }

    @Test
    void asMapIsAnUnmodifiableViewEqualToAHashMapOfTheDefinitions() {
        Map<String, ShardDefinition> copy = new HashMap<>();
        IntStream.range(0, LARGE).mapToObj(ShardMapIndexTest::numbered).forEach(d -> copy.put(d.shardId(), d));

        assertThat(LARGE_MAP.asMap()).isEqualTo(copy).hasSameHashCodeAs(copy).hasSize(LARGE);
        assertThat(copy).isEqualTo(LARGE_MAP.asMap());
        assertThat(LARGE_MAP.asMap().get(42)).isNull();
        assertThatThrownBy(() -> LARGE_MAP.asMap().put("shard1", numbered(2)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LARGE_MAP.asMap().values().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sortedListsEveryDefinitionByShardId() {
        ShardMap map = ShardMap.of(
                1,
                List.of("shardBBBB", "shardAaBB", "shardBBAa", "shardAaAa").stream()
                        .map(id -> ShardDefinition.of(id, "nyc", false))
                        .toList());

        assertThat(map.sorted()).extracting(ShardDefinition::shardId).containsExactlyElementsOf(SAME_HASH);
    }

    @Test
    void duplicateIdsAmongCollidingHashCodesAreRejected() {
        List<ShardDefinition> definitions = List.of(
                ShardDefinition.of("shardAaAa", "nyc", false),
                ShardDefinition.of("shardBBBB", "nyc", false),
                ShardDefinition.of("shardAaAa", "sjc", false));

        assertThatThrownBy(() -> ShardMap.of(1, definitions))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.DUPLICATE_SHARD))
                .hasMessageContaining("shardAaAa");
    }

    @Test
    void anotherVersionSharesTheIndexAndEqualsAFreshMap() {
        ShardMap renumbered = LARGE_MAP.withVersion(4);

        assertThat(renumbered.version()).isEqualTo(4);
        assertThat(renumbered.slotOf("shard77")).isEqualTo(LARGE_MAP.slotOf("shard77"));
        assertThat(renumbered).isEqualTo(ShardMap.of(4, LARGE_MAP.asMap().values()));
        assertThatThrownBy(() -> LARGE_MAP.withVersion(-1)).isInstanceOf(ShardFilterException.class);
    }
}
