package io.shardhome.directory.snapshot;

import io.shardhome.directory.shard.ShardEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Assigns shards to buckets by a stable hash of the shard id ({@link String#hashCode()} is specified by
 * the JLS, so every process agrees). One bucket is stored as one chunk znode, so a single-shard edit
 * rewrites one chunk only. Pure functions, thread-safe.
 */
public final class Buckets {
    /** Shards per bucket aimed at when choosing the bucket count for a map. */
    public static final int TARGET_SHARDS_PER_BUCKET = 4096;

    private Buckets() {}

    public static int bucketOf(String shardId, int bucketCount) {
        return Math.floorMod(shardId.hashCode(), bucketCount);
    }

    /** The bucket count for a map of {@code shards} shards (at least 1). */
    public static int countFor(int shards) {
        return Math.max(1, (shards + TARGET_SHARDS_PER_BUCKET - 1) / TARGET_SHARDS_PER_BUCKET);
    }

    /** Splits entries into {@code bucketCount} lists, each sorted by shard id (so encoding is stable). */
    public static List<List<ShardEntry>> split(Collection<ShardEntry> entries, int bucketCount) {
        List<List<ShardEntry>> buckets = new ArrayList<>(bucketCount);
        for (int i = 0; i < bucketCount; i++) {
            buckets.add(new ArrayList<>(entries.size() / bucketCount + 16));
        }
        for (ShardEntry e : entries) {
            buckets.get(bucketOf(e.shardId(), bucketCount)).add(e);
        }
        Comparator<ShardEntry> byId = Comparator.comparing(ShardEntry::shardId);
        buckets.forEach(b -> b.sort(byId));
        return buckets;
    }
}
