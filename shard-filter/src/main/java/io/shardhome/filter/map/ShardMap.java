package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the shard map: every shard definition and the map version it belongs to.
 * Safe to share between threads. Lookups probe a compact open-addressing index ({@link #slotOf}),
 * which keeps a lookup to a few cache lines even when the map is far larger than the CPU caches.
 */
public final class ShardMap {
    private static final ShardMap EMPTY = new ShardMap(0, new ShardIndex(List.of()));

    private final long version;
    private final ShardIndex index;
    private final Map<String, ShardDefinition> byId;

    private ShardMap(long version, ShardIndex index) {
        this.version = version;
        this.index = index;
        this.byId = index.asMap();
    }

    public static ShardMap empty() {
        return EMPTY;
    }

    /**
     * Builds a map from definitions.
     *
     * @throws ShardFilterException {@code DUPLICATE_SHARD} when a shard id occurs twice
     */
    public static ShardMap of(long version, Collection<ShardDefinition> definitions) {
        requireVersion(version);
        return new ShardMap(version, new ShardIndex(definitions));
    }

    public static ShardMap of(long version, ShardDefinition... definitions) {
        return of(version, List.of(definitions));
    }

    private static void requireVersion(long version) {
        if (version < 0) {
            throw new ShardFilterException(Code.INVALID_SHARD_MAP, "shard map version " + version + " is negative");
        }
    }

    public long version() {
        return version;
    }

    public int size() {
        return index.size();
    }

    public boolean isEmpty() {
        return index.size() == 0;
    }

    /** The definition of {@code shardId}, or {@code null}: the allocation-free form for hot paths. */
    public ShardDefinition lookup(String shardId) {
        int slot = index.slotOf(shardId);
        return slot < 0 ? null : index.at(slot);
    }

    public Optional<ShardDefinition> get(String shardId) {
        return Optional.ofNullable(lookup(shardId));
    }

    public boolean contains(String shardId) {
        return index.slotOf(shardId) >= 0;
    }

    /**
     * The slot of {@code shardId} in this map's index, or -1 when the map does not have it. A slot
     * is a small int in {@code [0, slotCount())} that is fixed for this map instance (not across
     * versions), so hot paths can keep per-shard state in a plain array indexed by it.
     */
    public int slotOf(String shardId) {
        return index.slotOf(shardId);
    }

    /** The definition in {@code slot}, as returned by {@link #slotOf}; null for an unused slot. */
    public ShardDefinition definitionAt(int slot) {
        return index.at(slot);
    }

    /** The number of slots of this map's index: a power of two, about 1.5 to 3 times {@link #size()}
     * (up to 6 times after {@link #withChanges} removed many shards). */
    public int slotCount() {
        return index.capacity();
    }

    /** All definitions sorted by shard id. */
    public List<ShardDefinition> sorted() {
        return byId.values().stream()
                .sorted(Comparator.comparing(ShardDefinition::shardId))
                .toList();
    }

    /** All definitions keyed by shard id (unordered, unmodifiable; a view of the index, not a copy). */
    public Map<String, ShardDefinition> asMap() {
        return byId;
    }

    /** The same definitions under another version. */
    public ShardMap withVersion(long newVersion) {
        if (newVersion == version) {
            return this;
        }
        requireVersion(newVersion);
        return new ShardMap(newVersion, index);
    }

    /**
     * This map under {@code newVersion} with {@code removals} taken out and {@code upserts} added or
     * replaced; ids in {@code removals} that are not in the map are ignored. The result shares the
     * index pages it does not change with this map, so the cost is proportional to the changes, not
     * to the map size (a watcher can follow a large map cheaply). Slots of unchanged shards may move.
     * This map is not changed.
     *
     * @throws ShardFilterException {@code DUPLICATE_SHARD} when an id is upserted twice or both upserted
     *     and removed; {@code INVALID_SHARD_MAP} when {@code newVersion} is negative
     */
    public ShardMap withChanges(long newVersion, Collection<ShardDefinition> upserts, Collection<String> removals) {
        if (upserts.isEmpty() && removals.isEmpty()) {
            return withVersion(newVersion);
        }
        requireVersion(newVersion);
        return new ShardMap(newVersion, index.withChanges(upserts, removals));
    }

    /** Equal when version and definitions are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ShardMap other && version == other.version && byId.equals(other.byId);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version) * 31 + byId.hashCode();
    }

    @Override
    public String toString() {
        return "ShardMap[version=" + version + ", shards=" + byId.size() + "]";
    }
}
