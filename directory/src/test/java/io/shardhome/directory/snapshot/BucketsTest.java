package io.shardhome.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.shard.ShardEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketsTest {
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "4096, 1", "4097, 2", "100000, 25", "1000000, 245"})
    void bucketCountGrowsWithTheMap(int shards, int buckets) {
        assertThat(Buckets.countFor(shards)).isEqualTo(buckets);
    }

    @Test
    void splitPutsEveryShardInItsHashBucketSortedById() {
        List<ShardEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(ShardEntry.of("s" + i, "nyc", false));
        }

        List<List<ShardEntry>> buckets = Buckets.split(entries, 7);

        assertThat(buckets).hasSize(7);
        assertThat(buckets.stream().mapToInt(List::size).sum()).isEqualTo(1000);
        for (int b = 0; b < 7; b++) {
            int bucket = b;
            assertThat(buckets.get(b)).allSatisfy(e -> assertThat(Buckets.bucketOf(e.shardId(), 7))
                    .isEqualTo(bucket));
            assertThat(buckets.get(b)).isSortedAccordingTo(Comparator.comparing(ShardEntry::shardId));
        }
    }

    @Test
    void negativeHashCodesStillLandInRange() {
        String negative = "polygenelubricants";
        assertThat(negative.hashCode()).isNegative();
        assertThat(Buckets.bucketOf(negative, 5)).isBetween(0, 4);
    }
}
