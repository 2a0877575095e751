package io.shardhome.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.filter.map.ShardDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectorySnapshotDerivationTest {
    private static final int BUCKETS = 4;
    private static final List<String> HOMES = List.of("nyc", "sjc", "#LOCAL");
    private static final List<Site> SITES = List.of(Site.of("sjc", "db-sjc", 3307), Site.of("nyc", "db-nyc", 3306));

    /**
     * Random edit sequences (create, re-home, delete, fence, start and end a move): the snapshot
     * derived from only the changed buckets always equals the one built from all buckets.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void derivedSnapshotAlwaysEqualsSnapshotBuiltFromAllBuckets(long seed) {
        Random random = new Random(seed);
        Map<String, ShardEntry> current = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            current.put("s" + i, ShardEntry.of("s" + i, HOMES.get(i % HOMES.size()), false));
        }
        List<List<ShardEntry>> buckets = Buckets.split(current.values(), BUCKETS);
        DirectorySnapshot derived = DirectorySnapshot.fromBuckets(1, SITES, buckets);
        for (long version = 2; version < 80; version++) {
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                edit(random, current);
            }
            List<List<ShardEntry>> next = Buckets.split(current.values(), BUCKETS);

            derived = derived.withChangedBuckets(version, SITES, changes(buckets, next));
            buckets = next;

            assertSame(derived, DirectorySnapshot.fromBuckets(version, SITES, next));
        }
    }

    @Test
    void unchangedBucketsOnlyChangeTheVersion() {
        List<List<ShardEntry>> buckets =
                Buckets.split(List.of(ShardEntry.of("a", "nyc", false), ShardEntry.of("b", "sjc", true)), BUCKETS);
        DirectorySnapshot first = DirectorySnapshot.fromBuckets(1, SITES, buckets);

        DirectorySnapshot second = first.withChangedBuckets(2, SITES, List.of());

        assertThat(second.version()).isEqualTo(2);
        assertSame(second, DirectorySnapshot.fromBuckets(2, SITES, buckets));
    }

    private static void edit(Random random, Map<String, ShardEntry> current) {
        String id = "s" + random.nextInt(260);
        ShardEntry existing = current.get(id);
        String home = HOMES.get(random.nextInt(HOMES.size()));
        switch (random.nextInt(5)) {
            case 0 -> current.remove(id);
            case 1 -> current.put(id, ShardEntry.active(ShardDefinition.of(id, home, random.nextBoolean())));
            case 2 -> current.put(id, withState(existing, id, ShardState.FENCED, ""));
            case 3 -> current.put(id, withState(existing, id, ShardState.ACTIVE, "lon"));
            default -> current.put(id, withState(existing, id, ShardState.ACTIVE, ""));
        }
    }

    private static ShardEntry withState(ShardEntry existing, String id, ShardState state, String moveTarget) {
        ShardEntry base = existing != null ? existing : ShardEntry.of(id, "nyc", false);
        return base.withState(state, moveTarget);
    }

    private static List<DirectorySnapshot.BucketChange> changes(
            List<List<ShardEntry>> before, List<List<ShardEntry>> after) {
        List<DirectorySnapshot.BucketChange> changes = new ArrayList<>();
        for (int b = 0; b < before.size(); b++) {
            if (!before.get(b).equals(after.get(b))) {
                changes.add(new DirectorySnapshot.BucketChange(before.get(b), after.get(b)));
            }
        }
        return changes;
    }

    private static void assertSame(DirectorySnapshot derived, DirectorySnapshot built) {
        assertThat(derived.shardMap()).isEqualTo(built.shardMap());
        assertThat(derived.unusualEntries()).isEqualTo(built.unusualEntries());
        assertThat(derived.sites()).isEqualTo(built.sites());
        assertThat(derived.sortedEntries()).isEqualTo(built.sortedEntries());
    }
}
