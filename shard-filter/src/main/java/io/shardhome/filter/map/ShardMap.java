package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the shard map: every shard definition and the map version it belongs to.
 * Safe to share between threads; lookups are a single hash probe.
 */
public final class ShardMap {
    private static final ShardMap EMPTY = new ShardMap(0, Map.of());

    private final long version;
    private final Map<String, ShardDefinition> byId;

    private ShardMap(long version, Map<String, ShardDefinition> byId) {
        this.version = version;
        this.byId = byId;
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
        if (version < 0) {
            throw new ShardFilterException(Code.INVALID_SHARD_MAP, "shard map version " + version + " is negative");
        }
        Map<String, ShardDefinition> byId = new HashMap<>(Math.max(16, definitions.size() * 4 / 3 + 1));
        for (ShardDefinition d : definitions) {
            Objects.requireNonNull(d, "definition");
            if (byId.putIfAbsent(d.shardId(), d) != null) {
                throw new ShardFilterException(
                        Code.DUPLICATE_SHARD, "shard '" + d.shardId() + "' is defined twice; a shard has one home");
            }
        }
        return new ShardMap(version, Collections.unmodifiableMap(byId));
    }

    public static ShardMap of(long version, ShardDefinition... definitions) {
        return of(version, List.of(definitions));
    }

    public long version() {
        return version;
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The definition of {@code shardId}, or {@code null}: the allocation-free form for hot paths. */
    public ShardDefinition lookup(String shardId) {
        return byId.get(shardId);
    }

    public Optional<ShardDefinition> get(String shardId) {
        return Optional.ofNullable(byId.get(shardId));
    }

    public boolean contains(String shardId) {
        return byId.containsKey(shardId);
    }

    /** All definitions sorted by shard id. */
    public List<ShardDefinition> sorted() {
        return List.copyOf(new TreeMap<>(byId).values());
    }

    /** All definitions keyed by shard id (unordered, unmodifiable). */
    public Map<String, ShardDefinition> asMap() {
        return byId;
    }

    /** The same definitions under another version. */
    public ShardMap withVersion(long newVersion) {
        if (newVersion == version) {
            return this;
        }
        return of(newVersion, byId.values());
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
