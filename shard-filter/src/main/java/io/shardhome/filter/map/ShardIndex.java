package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable open-addressing index behind {@link ShardMap}: the shard ids' hash codes in {@code
 * int} pages probed linearly, the ids and the definitions in parallel pages. A lookup reads one or
 * two cache lines of each page plus the key for the equals check, and the CPU can fetch them all at
 * once, where a {@link java.util.HashMap} chases table, node, key and value one after another.
 *
 * <p>The slots are split into pages of {@value #PAGE} so that {@link #withChanges} can share every
 * page it does not touch with its predecessor: deriving a new version of a 100,000-shard index
 * copies three small page tables and a few pages, not three arrays of 262,144 slots (which, in a
 * process with many watching views, would be megabytes of long-lived garbage per change). Safe to
 * share between threads once built: pages are only written before the constructor returns.
 */
final class ShardIndex {
    /** Marks an empty slot in {@link #hashes}; stored hash codes are never 0 (see {@link #stored}). */
    private static final int EMPTY = 0;
    /** Fibonacci hashing spreads sequential ids (shard0000001, shard0000002, ...) over the table. */
    private static final int GOLDEN = 0x9E3779B9;

    private static final int MIN_CAPACITY = 4;
    private static final int PAGE_BITS = 10;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int IN_PAGE = PAGE - 1;

    private final int[][] hashes;
    /** The definitions' shard ids again, so the equals check need not wait for the definition. */
    private final String[][] keys;

    private final ShardDefinition[][] definitions;
    private final int shift;
    private final int mask;
    private final int size;

    /**
     * Indexes {@code definitions}.
     *
     * @throws ShardFilterException {@code DUPLICATE_SHARD} when a shard id occurs twice
     */
    ShardIndex(Collection<ShardDefinition> definitions) {
        int capacity = capacityFor(definitions.size());
        int pageLength = Math.min(capacity, PAGE);
        int pages = capacity / pageLength;
        this.hashes = new int[pages][pageLength];
        this.keys = new String[pages][pageLength];
        this.definitions = new ShardDefinition[pages][pageLength];
        this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
        this.mask = capacity - 1;
        for (ShardDefinition d : definitions) {
            insert(Objects.requireNonNull(d, "definition"), null);
        }
        this.size = definitions.size();
    }

    /**
     * {@code base} with {@code removals} taken out, then {@code upserts} put in (see {@link
     * #withChanges}); shares the pages it does not change with {@code base}.
     */
    private ShardIndex(ShardIndex base, Set<String> removals, Collection<ShardDefinition> upserts, int newSize) {
        this.hashes = base.hashes.clone();
        this.keys = base.keys.clone();
        this.definitions = base.definitions.clone();
        this.shift = base.shift;
        this.mask = base.mask;
        boolean[] copied = new boolean[hashes.length];
        for (String id : removals) {
            int slot = slotOf(id);
            if (slot >= 0) {
                remove(slot, copied);
            }
        }
        for (ShardDefinition d : upserts) {
            int slot = slotOf(d.shardId());
            if (slot >= 0) {
                write(slot, hashAt(slot), d.shardId(), d, copied);
            } else {
                insert(d, copied);
            }
        }
        this.size = newSize;
    }

    /**
     * This index with {@code removals} taken out and {@code upserts} added or replaced. Shares the
     * unchanged pages and copies only the pages it patches, so the cost is proportional to the
     * changes; it indexes from scratch only when the result would be more than two thirds full or
     * less than one sixth full (the gap between the two keeps a map that grows and shrinks by one from
     * rebuilding each time).
     *
     * @throws ShardFilterException {@code DUPLICATE_SHARD} when an id is upserted twice or both upserted and removed
     */
    ShardIndex withChanges(Collection<ShardDefinition> upserts, Collection<String> removals) {
        Set<String> removed = new HashSet<>(removals);
        int newSize = size;
        for (String id : removed) {
            newSize -= slotOf(id) >= 0 ? 1 : 0;
        }
        Set<String> upserted = new HashSet<>();
        for (ShardDefinition d : upserts) {
            String id = Objects.requireNonNull(d, "definition").shardId();
            if (!upserted.add(id) || removed.contains(id)) {
                throw new ShardFilterException(
                        Code.DUPLICATE_SHARD,
                        "shard '" + id + "' occurs twice in one change; upsert or remove each shard once");
            }
            newSize += slotOf(id) < 0 ? 1 : 0;
        }
        int fitting = capacityFor(newSize);
        boolean tooFull = fitting > capacity();
        boolean tooSparse = fitting < capacity() && newSize * 6L < capacity();
        if (tooFull || tooSparse) {
            return rebuilt(removed, upserted, upserts, newSize);
        }
        return new ShardIndex(this, removed, upserts, newSize);
    }

    private ShardIndex rebuilt(
            Set<String> removed, Set<String> upserted, Collection<ShardDefinition> upserts, int newSize) {
        List<ShardDefinition> all = new ArrayList<>(newSize);
        for (int slot = 0; slot < capacity(); slot++) {
            ShardDefinition d = at(slot);
            if (d != null && !removed.contains(d.shardId()) && !upserted.contains(d.shardId())) {
                all.add(d);
            }
        }
        all.addAll(upserts);
        return new ShardIndex(all);
    }

    /**
     * Empties {@code slot} by backward-shift deletion: later entries of the same probe run move back
     * into the hole, so no tombstones are needed and lookups stay as short as in a fresh index.
     */
    private void remove(int slot, boolean[] copied) {
        int hole = slot;
        for (int next = (hole + 1) & mask; hashAt(next) != EMPTY; next = (next + 1) & mask) {
            int distanceFromHome = (next - home(hashAt(next))) & mask;
            if (distanceFromHome >= ((next - hole) & mask)) {
                write(hole, hashAt(next), keyAt(next), at(next), copied);
                hole = next;
            }
        }
        write(hole, EMPTY, null, null, copied);
    }

    /**
     * Sets one slot. {@code copied} marks the pages this index already owns; null when it owns all
     * (a fresh index). A page still shared with the base index is copied before its first write.
     */
    private void write(int slot, int hash, String key, ShardDefinition definition, boolean[] copied) {
        int page = slot >>> PAGE_BITS;
        if (copied != null && !copied[page]) {
            hashes[page] = hashes[page].clone();
            keys[page] = keys[page].clone();
            definitions[page] = definitions[page].clone();
            copied[page] = true;
        }
        int i = slot & IN_PAGE;
        hashes[page][i] = hash;
        keys[page][i] = key;
        definitions[page][i] = definition;
    }

    /** A power of two at least 1.5 times the size: at most two thirds full, so probes stay short. */
    static int capacityFor(int size) {
        long wanted = Math.max(MIN_CAPACITY, size + (size >> 1) + 1L);
        if (wanted > (1 << 30)) {
            throw new ShardFilterException(Code.INVALID_SHARD_MAP, "shard map of " + size + " shards is too large");
        }
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }

    private void insert(ShardDefinition definition, boolean[] copied) {
        String id = definition.shardId();
        int slot = slotOf(id);
        if (slot >= 0) {
            throw new ShardFilterException(
                    Code.DUPLICATE_SHARD, "shard '" + id + "' is defined twice; a shard has one home");
        }
        int hash = stored(id.hashCode());
        slot = home(hash);
        while (hashAt(slot) != EMPTY) {
            slot = (slot + 1) & mask;
        }
        write(slot, hash, id, definition, copied);
    }

    /** The slot of {@code shardId}, or -1 when absent. */
    int slotOf(String shardId) {
        int hash = stored(shardId.hashCode());
        for (int slot = home(hash); ; slot = (slot + 1) & mask) {
            int candidate = hashAt(slot);
            if (candidate == hash) {
                String key = keyAt(slot);
                if (key == shardId || key.equals(shardId)) {
                    return slot;
                }
            } else if (candidate == EMPTY) {
                return -1;
            }
        }
    }

    /** The definition in {@code slot}; null for an empty slot. */
    ShardDefinition at(int slot) {
        return definitions[slot >>> PAGE_BITS][slot & IN_PAGE];
    }

    private int hashAt(int slot) {
        return hashes[slot >>> PAGE_BITS][slot & IN_PAGE];
    }

    private String keyAt(int slot) {
        return keys[slot >>> PAGE_BITS][slot & IN_PAGE];
    }

    int capacity() {
        return mask + 1;
    }

    int size() {
        return size;
    }

    /** An unmodifiable {@code Map} view, for callers that want the collections API. */
    Map<String, ShardDefinition> asMap() {
        return new ShardIndexMapView(this);
    }

    private static int stored(int hashCode) {
        return hashCode == EMPTY ? 1 : hashCode;
    }

    private int home(int hash) {
        return (hash * GOLDEN) >>> shift;
    }
}
