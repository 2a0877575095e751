package io.shardhome.directory.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FenceTrackerTest {
    private final FenceTracker tracker = new FenceTracker(Duration.ofSeconds(60));

    private static DirectorySnapshot snapshot(long version, ShardEntry... entries) {
        return DirectorySnapshot.of(version, List.of(), List.of(entries));
    }

    private static ShardEntry fenced(String shard) {
        return ShardEntry.of(shard, "sjc", false).withState(ShardState.FENCED, "nyc");
    }

    @Test
    void remembersWhenAShardWasFencedAndWhenTheFenceEnded() {
        DirectorySnapshot active =
                snapshot(1, ShardEntry.of("acme", "sjc", false), ShardEntry.of("other", "sjc", false));
        DirectorySnapshot fencedAt2 = snapshot(2, fenced("acme"), ShardEntry.of("other", "sjc", false));
        DirectorySnapshot flipped =
                snapshot(3, ShardEntry.of("acme", "nyc", false), ShardEntry.of("other", "sjc", false));

        tracker.observe(active, fencedAt2, List.of(), 1_000);
        assertThat(tracker.lastFencedNanos("acme")).isEqualTo(OptionalLong.of(1_000));
        tracker.observe(fencedAt2, flipped, List.of(), 5_000);

        assertThat(tracker.lastFencedNanos("acme")).isEqualTo(OptionalLong.of(5_000));
        assertThat(tracker.lastFencedNanos("other")).isEmpty();
    }

    @Test
    void aFenceSeenOnlyAsItEndsCountsAndOldFencesAreForgotten() {
        DirectorySnapshot fencedFromTheStart = snapshot(2, fenced("acme"));
        tracker.observe(DirectorySnapshot.empty(), fencedFromTheStart, List.of(), 10);
        tracker.observe(fencedFromTheStart, snapshot(3, ShardEntry.of("acme", "nyc", false)), List.of(), 20);
        assertThat(tracker.lastFencedNanos("acme")).isEqualTo(OptionalLong.of(20));

        long muchLater = 20 + Duration.ofMinutes(2).toNanos();
        tracker.observe(snapshot(3), snapshot(4), List.of(), muchLater);

        assertThat(tracker.lastFencedNanos("acme")).isEmpty();
    }

    @Test
    void aHomeThatChangedWithoutAFenceInBetweenCountsAsAFenceForTheShardsTouched() {
        DirectorySnapshot atSjc =
                snapshot(1, ShardEntry.of("acme", "sjc", false), ShardEntry.of("other", "sjc", false));
        DirectorySnapshot atNyc = snapshot(3, ShardEntry.of("acme", "nyc", false), ShardEntry.of("other", "sjc", true));

        tracker.observe(atSjc, atNyc, List.of("acme", "other", "gone"), 7);

        assertThat(tracker.lastFencedNanos("acme")).isEqualTo(OptionalLong.of(7));
        assertThat(tracker.lastFencedNanos("other")).isEmpty();
    }
}
