package io.shardhome.directory.snapshot;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One consistent version of the whole directory: sites, shard map and per-shard states. Immutable and
 * safe to share between threads. Only shards that are not plain ACTIVE keep an extra entry, so the
 * memory cost over the {@link ShardMap} is tiny.
 */
public final class DirectorySnapshot {
    private static final DirectorySnapshot EMPTY = new DirectorySnapshot(ShardMap.empty(), Map.of(), Map.of());

    private final ShardMap shards;
    private final Map<String, Site> sites;
    private final Map<String, ShardEntry> unusual;

    private DirectorySnapshot(ShardMap shards, Map<String, Site> sites, Map<String, ShardEntry> unusual) {
        this.shards = shards;
        this.sites = sites;
        this.unusual = unusual;
    }

    public static DirectorySnapshot empty() {
        return EMPTY;
    }

    public static DirectorySnapshot of(long version, Collection<Site> sites, Collection<ShardEntry> entries) {
        return fromBuckets(version, sites, List.of(List.copyOf(entries)));
    }

    /**
     * Builds a snapshot straight from decoded buckets, without copying the entries into one list first
     * (a view does this once at start-up, and again when the bucket layout changes).
     */
    public static DirectorySnapshot fromBuckets(long version, Collection<Site> sites, List<List<ShardEntry>> buckets) {
        Map<String, ShardEntry> unusual = new HashMap<>();
        int size = 0;
        for (List<ShardEntry> bucket : buckets) {
            size += bucket.size();
            for (ShardEntry e : bucket) {
                if (!e.isPlain()) {
                    unusual.put(e.shardId(), e);
                }
            }
        }
        ShardMap map = ShardMap.of(version, new DefinitionsView(buckets, size));
        return new DirectorySnapshot(map, byName(sites), Map.copyOf(unusual));
    }

    private static Map<String, Site> byName(Collection<Site> sites) {
        Map<String, Site> byName = new LinkedHashMap<>();
        sites.stream().sorted(Comparator.comparing(Site::name)).forEach(s -> byName.put(s.name(), s));
        return Map.copyOf(byName);
    }

    /** The entries of one bucket in the previous and in the next map version. */
    public record BucketChange(List<ShardEntry> before, List<ShardEntry> after) {}

    /**
     * The next version of this snapshot, given only the buckets that changed: costs O(changed
     * buckets) plus one copy of the shard index, not a rebuild of the whole map (this runs in every
     * watching view on every change). Buckets not listed must be unchanged.
     */
    public DirectorySnapshot withChangedBuckets(long version, Collection<Site> sites, List<BucketChange> changes) {
        List<ShardDefinition> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        Map<String, ShardEntry> unusualChanges = new HashMap<>();
        for (BucketChange change : changes) {
            Map<String, ShardEntry> gone = new HashMap<>(change.before().size() * 4 / 3 + 1);
            change.before().forEach(e -> gone.put(e.shardId(), e));
            for (ShardEntry next : change.after()) {
                ShardEntry previous = gone.remove(next.shardId());
                if (previous == null || !previous.definition().equals(next.definition())) {
                    upserts.add(next.definition());
                }
                if (!next.isPlain() || (previous != null && !previous.isPlain())) {
                    unusualChanges.put(next.shardId(), next);
                }
            }
            for (ShardEntry removed : gone.values()) {
                removals.add(removed.shardId());
                if (!removed.isPlain()) {
                    unusualChanges.put(removed.shardId(), null);
                }
            }
        }
        ShardMap map = shards.withChanges(version, upserts, removals);
        return new DirectorySnapshot(map, byName(sites), patchedUnusual(unusualChanges));
    }

    /** {@link #unusual} with entries replaced (plain or null values drop the shard from it). */
    private Map<String, ShardEntry> patchedUnusual(Map<String, ShardEntry> changes) {
        if (changes.isEmpty()) {
            return unusual;
        }
        Map<String, ShardEntry> patched = new HashMap<>(unusual);
        changes.forEach((id, entry) -> {
            if (entry == null || entry.isPlain()) {
                patched.remove(id);
            } else {
                patched.put(id, entry);
            }
        });
        return Map.copyOf(patched);
    }

    /** The definitions of all buckets as one read-only collection, without copying. */
    private static final class DefinitionsView extends AbstractCollection<ShardDefinition> {
        private final List<List<ShardEntry>> buckets;
        private final int size;

        DefinitionsView(List<List<ShardEntry>> buckets, int size) {
            this.buckets = buckets;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<ShardDefinition> iterator() {
            return buckets.stream()
                    .flatMap(List::stream)
                    .map(ShardEntry::definition)
                    .iterator();
        }
    }

    public long version() {
        return shards.version();
    }

    public ShardMap shardMap() {
        return shards;
    }

    /** Sites by name. */
    public Map<String, Site> sites() {
        return sites;
    }

    public Site site(String name) {
        return sites.get(name);
    }

    /** The shard's entry, or {@code null} when the shard is not in the map. */
    public ShardEntry entry(String shardId) {
        ShardEntry special = unusual.get(shardId);
        if (special != null) {
            return special;
        }
        ShardDefinition d = shards.lookup(shardId);
        return d == null ? null : ShardEntry.active(d);
    }

    /** Shards that are FENCED or have a move target, keyed by id. */
    public Map<String, ShardEntry> unusualEntries() {
        return unusual;
    }

    /** All entries sorted by shard id. */
    public List<ShardEntry> sortedEntries() {
        List<ShardEntry> all = new ArrayList<>(shards.size());
        for (ShardDefinition d : shards.sorted()) {
            ShardEntry special = unusual.get(d.shardId());
            all.add(special != null ? special : ShardEntry.active(d));
        }
        return all;
    }

    @Override
    public String toString() {
        return "DirectorySnapshot[version=" + version() + ", sites=" + sites.keySet() + ", shards=" + shards.size()
                + "]";
    }
}
