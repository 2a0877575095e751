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
     * (this runs in every watching view on every change).
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
        Map<String, Site> byName = new LinkedHashMap<>();
        sites.stream().sorted(Comparator.comparing(Site::name)).forEach(s -> byName.put(s.name(), s));
        ShardMap map = ShardMap.of(version, new DefinitionsView(buckets, size));
        return new DirectorySnapshot(map, Map.copyOf(byName), Map.copyOf(unusual));
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
