package io.shardhome.directory.client;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FenceHistory} fed by a map source with each pair of consecutive snapshots it serves: shards
 * that are or were FENCED (a snapshot keeps them apart from plain ACTIVE shards, so this costs nothing for
 * the rest of a large map), and shards whose home changed among those the source says were touched (a
 * move whose fence the source never saw). Entries older than the retention are forgotten. Thread-safe.
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
        observe(previous, next, List.of(), System.nanoTime());
    }

    /**
     * As {@link #observe(DirectorySnapshot, DirectorySnapshot)}, and also records the shards among {@code
     * touched} whose home differs between the two: a source that missed a move's FENCED version (it read
     * the directory only after the flip) still knows the shard just moved.
     *
     * @param touched the ids that may have changed from {@code previous} to {@code next}
     */
    public void observe(DirectorySnapshot previous, DirectorySnapshot next, Collection<String> touched) {
        observe(previous, next, touched, System.nanoTime());
    }

    void observe(DirectorySnapshot previous, DirectorySnapshot next, Collection<String> touched, long nowNanos) {
        for (String id : touched) {
            ShardEntry before = previous.entry(id);
            ShardEntry after = next.entry(id);
            if (before != null && after != null && !before.home().equals(after.home())) {
                lastFenced.put(id, nowNanos);
            }
        }
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
