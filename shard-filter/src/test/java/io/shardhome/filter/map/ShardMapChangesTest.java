package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardMapChangesTest {
    /** "Aa" and "BB" share a String hash code, so these ids all collide and share probe runs. */
    private static final List<String> SAME_HASH = List.of("shardAaAa", "shardAaBB", "shardBBAa", "shardBBBB");

    private static final List<String> SITES = List.of("nyc", "sjc", "lon", "#LOCAL");

    private static ShardDefinition def(String id, String home) {
        return ShardDefinition.of(id, home, false);
    }

    private static ShardMap numbered(long version, int count) {
        return ShardMap.of(
                version,
                IntStream.range(0, count).mapToObj(i -> def("shard" + i, "nyc")).toList());
    }

    /**
     * Random edit sequences over a small id space (so edits hit existing ids, probe runs wrap around
     * the table end, and maps grow past and shrink below the load limits): after every step the
     * derived map equals one built from scratch and finds exactly the expected ids.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void derivedMapAlwaysEqualsMapBuiltFromScratch(long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(SAME_HASH);
        IntStream.range(0, 60).forEach(i -> ids.add("s" + i));
        Map<String, ShardDefinition> expected = new HashMap<>();
        ShardMap map = ShardMap.empty();
        for (int step = 1; step <= 300; step++) {
            Map<String, ShardDefinition> upserts = new HashMap<>();
            List<String> removals = new ArrayList<>();
            int edits = 1 + random.nextInt(step % 25 == 0 ? 40 : 4);
            boolean removalHeavy = random.nextInt(4) == 0;
            for (int e = 0; e < edits; e++) {
                String id = ids.get(random.nextInt(ids.size()));
                if (upserts.containsKey(id) || removals.contains(id)) {
                    continue;
                }
                if (removalHeavy || random.nextInt(3) == 0) {
                    removals.add(id);
                    expected.remove(id);
                } else {
                    ShardDefinition d =
                            ShardDefinition.of(id, SITES.get(random.nextInt(SITES.size())), random.nextBoolean());
                    upserts.put(id, d);
                    expected.put(id, d);
                }
            }

            map = map.withChanges(step, upserts.values(), removals);

            assertDerived(map, step, expected, ids);
        }
    }

    private static void assertDerived(
            ShardMap map, long version, Map<String, ShardDefinition> expected, List<String> ids) {
        assertThat(map).isEqualTo(ShardMap.of(version, expected.values()));
        assertThat(map.size()).isEqualTo(expected.size());
        assertThat(map.asMap()).containsExactlyInAnyOrderEntriesOf(expected);
        for (String id : ids) {
            assertThat(map.lookup(id)).isEqualTo(expected.get(id));
            int slot = map.slotOf(id);
            assertThat(slot < 0 ? null : map.definitionAt(slot)).isEqualTo(expected.get(id));
        }
        assertThat(map.slotCount()).isGreaterThanOrEqualTo(ShardIndex.capacityFor(expected.size()));
        assertThat(map.slotCount()).isLessThanOrEqualTo(Math.max(4 * ShardIndex.capacityFor(expected.size()), 8));
    }

    /**
     * Large enough for many index pages: every derived version shares untouched pages with its
     * predecessor, so each retained version must still equal its own from-scratch build afterwards.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void derivedVersionsOfAMultiPageMapStayIndependentOfEachOther(long seed) {
        Random random = new Random(seed);
        Map<String, ShardDefinition> expected = new HashMap<>();
        IntStream.range(0, 5_000).forEach(i -> expected.put("shard" + i, def("shard" + i, "nyc")));
        ShardMap map = ShardMap.of(1, expected.values());
        List<ShardMap> versions = new ArrayList<>(List.of(map));
        List<ShardMap> fromScratch = new ArrayList<>(List.of(ShardMap.of(1, expected.values())));
        for (long version = 2; version <= 40; version++) {
            Map<String, ShardDefinition> upserts = new HashMap<>();
            List<String> removals = new ArrayList<>();
            for (int e = 0; e < 30; e++) {
                String id = "shard" + random.nextInt(6_000);
                if (upserts.containsKey(id) || removals.contains(id)) {
                    continue;
                }
                if (random.nextBoolean()) {
                    removals.add(id);
                    expected.remove(id);
                } else {
                    upserts.put(id, def(id, SITES.get(random.nextInt(SITES.size()))));
                    expected.put(id, upserts.get(id));
                }
            }
            map = map.withChanges(version, upserts.values(), removals);
            versions.add(map);
            fromScratch.add(ShardMap.of(version, expected.values()));
        }

        assertThat(versions).isEqualTo(fromScratch);
        assertThat(expected.keySet())
                .allSatisfy(id ->
                        assertThat(versions.get(versions.size() - 1).lookup(id)).isEqualTo(expected.get(id)));
    }

    @Test
    void derivingLeavesTheOriginalMapUnchanged() {
        ShardMap before = numbered(1, 1_000);
        ShardMap copy = numbered(1, 1_000);

        ShardMap after =
                before.withChanges(2, List.of(def("shard5", "lon"), def("new", "sjc")), List.of("shard6", "shard7"));

        assertThat(before).isEqualTo(copy);
        assertThat(before.lookup("shard5").home()).isEqualTo(Home.site("nyc"));
        assertThat(before.lookup("new")).isNull();
        assertThat(before.contains("shard6")).isTrue();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.size()).isEqualTo(999);
        assertThat(after.lookup("shard5").home()).isEqualTo(Home.site("lon"));
        assertThat(after.lookup("new").home()).isEqualTo(Home.site("sjc"));
        assertThat(after.contains("shard6")).isFalse();
    }

    @Test
    void removingCollidingIdsKeepsTheRestOfTheirProbeRunFindable() {
        ShardMap map =
                ShardMap.of(1, SAME_HASH.stream().map(id -> def(id, "nyc")).toList());

        ShardMap after = map.withChanges(2, List.of(), List.of(SAME_HASH.get(0), SAME_HASH.get(2)));

        assertThat(after.lookup(SAME_HASH.get(1))).isEqualTo(def(SAME_HASH.get(1), "nyc"));
        assertThat(after.lookup(SAME_HASH.get(3))).isEqualTo(def(SAME_HASH.get(3), "nyc"));
        assertThat(after.contains(SAME_HASH.get(0))).isFalse();
        assertThat(after.contains(SAME_HASH.get(2))).isFalse();
    }

    @Test
    void growingPastTheLoadLimitMovesToALargerIndex() {
        ShardMap map = numbered(1, 10);
        List<ShardDefinition> many =
                IntStream.range(10, 100).mapToObj(i -> def("shard" + i, "sjc")).toList();

        ShardMap grown = map.withChanges(2, many, List.of());

        assertThat(grown.slotCount()).isEqualTo(ShardIndex.capacityFor(100));
        assertThat(grown)
                .isEqualTo(ShardMap.of(
                        2,
                        IntStream.range(0, 100)
                                .mapToObj(i -> def("shard" + i, i < 10 ? "nyc" : "sjc"))
                                .toList()));
    }

    @Test
    void removingMostShardsMovesToASmallerIndex() {
        ShardMap map = numbered(1, 1_000);
        List<String> removals =
                IntStream.range(10, 1_000).mapToObj(i -> "shard" + i).toList();

        ShardMap shrunk = map.withChanges(2, List.of(), removals);

        assertThat(shrunk.slotCount()).isEqualTo(ShardIndex.capacityFor(10));
        assertThat(shrunk).isEqualTo(numbered(2, 10));
    }

    @Test
    void removingUnknownIdsIsIgnored() {
        ShardMap map = numbered(1, 5);

        assertThat(map.withChanges(2, List.of(), List.of("nope", "shard1")))
                .isEqualTo(ShardMap.of(
                        2, def("shard0", "nyc"), def("shard2", "nyc"), def("shard3", "nyc"), def("shard4", "nyc")));
    }

    @Test
    void noChangesOnlyChangesTheVersion() {
        ShardMap map = numbered(1, 5);

        assertThat(map.withChanges(1, List.of(), List.of())).isSameAs(map);
        assertThat(map.withChanges(7, List.of(), List.of())).isEqualTo(numbered(7, 5));
    }

    @Test
    void upsertingAShardTwiceInOneChangeFailsAsDuplicate() {
        ShardMap map = numbered(1, 5);

        assertThatThrownBy(() -> map.withChanges(2, List.of(def("x", "nyc"), def("x", "lon")), List.of()))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.DUPLICATE_SHARD))
                .hasMessageContaining("'x'");
    }

    @Test
    void upsertingAndRemovingTheSameShardFailsAsDuplicate() {
        ShardMap map = numbered(1, 5);

        assertThatThrownBy(() -> map.withChanges(2, List.of(def("shard1", "lon")), List.of("shard1")))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.DUPLICATE_SHARD));
    }

    @Test
    void negativeVersionIsRejected() {
        ShardMap map = numbered(1, 5);

        assertThatThrownBy(() -> map.withChanges(-1, List.of(def("x", "nyc")), List.of()))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_SHARD_MAP));
    }
}
