package io.shardhome.directory.client;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FenceHistory} fed by a map source with each pair of consecutive snapshots it serves. Only
 * shards that are or were FENCED are looked at (a snapshot keeps them apart from plain ACTIVE shards), so
 * a call costs nothing for the rest of a large map. Entries older than the retention are forgotten.
 * Thread-safe.
 */
public final class FenceTracker implements FenceHistory {
    private final long retentionNanos;
    private final Map<String, Long> lastFenced = new ConcurrentHashMap<>();

    /** @param retention how long a fence is remembered; longer than any writer waits */
    public FenceTracker(Duration retention) {
        this.retentionNanos = retention.toNanos();
    }

    /** Records the shards fenced in {@code next}, and those fenced in {@code previous} but not in {@code next}. */
    public void observe(DirectorySnapshot previous, DirectorySnapshot next) {
        observe(previous, next, System.nanoTime());
    }

    void observe(DirectorySnapshot previous, DirectorySnapshot next, long nowNanos) {
        next.unusualEntries().values().stream()
                .filter(FenceTracker::fenced)
                .forEach(e -> lastFenced.put(e.shardId(), nowNanos));
        previous.unusualEntries().values().stream()
                .filter(FenceTracker::fenced)
                .filter(e -> !fenced(next.entry(e.shardId())))
                .forEach(e -> lastFenced.put(e.shardId(), nowNanos));
        lastFenced.values().removeIf(at -> nowNanos - at > retentionNanos);
    }

    private static boolean fenced(ShardEntry entry) {
        return entry != null && entry.state() == ShardState.FENCED;
    }

    @Override
    public OptionalLong lastFencedNanos(String shardId) {
        Long at = lastFenced.get(shardId);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }
}
