package io.shardhome.directory.feed;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.snapshot.DirectorySnapshot.BucketChange;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMapDiff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One step of the map feed: how to get from the directory snapshot at {@code baseVersion} to the one at
 * {@code version} (the shards added or changed, with their state, and the ids removed), or, when {@code
 * full}, the whole snapshot. Sites are always complete (they are few). Immutable; pure.
 *
 * @param version the map version this change leads to
 * @param baseVersion the version it starts from (0 and ignored when full)
 * @param full whether {@code shards} is the whole map
 * @param sites every registered site
 * @param shards shards added or changed (full: every shard)
 * @param removed ids of shards removed (empty when full)
 */
public record MapChange(
        long version,
        long baseVersion,
        boolean full,
        List<SiteJson> sites,
        List<ShardJson> shards,
        List<String> removed) {
    public MapChange {
        sites = List.copyOf(Objects.requireNonNullElse(sites, List.of()));
        shards = List.copyOf(Objects.requireNonNullElse(shards, List.of()));
        removed = List.copyOf(Objects.requireNonNullElse(removed, List.of()));
    }

    /** The whole snapshot. */
    public static MapChange full(DirectorySnapshot snapshot) {
        List<ShardJson> shards = new ArrayList<>(snapshot.shardMap().size());
        snapshot.sortedEntries().forEach(e -> shards.add(ShardJson.of(e)));
        return new MapChange(snapshot.version(), 0, true, sites(snapshot), shards, List.of());
    }

    /** What changed from {@code before} to {@code after}: O(shards) to find, O(changes) to send and apply. */
    public static MapChange between(DirectorySnapshot before, DirectorySnapshot after) {
        ShardMapDiff diff = ShardMapDiff.between(before.shardMap(), after.shardMap());
        Set<String> changed = new TreeSet<>();
        diff.added().forEach(d -> changed.add(d.shardId()));
        diff.changed().forEach(c -> changed.add(c.shardId()));
        Set<String> unusual = new HashSet<>(before.unusualEntries().keySet());
        unusual.addAll(after.unusualEntries().keySet());
        for (String id : unusual) {
            ShardEntry now = after.entry(id);
            if (now != null && !now.equals(before.entry(id))) {
                changed.add(id);
            }
        }
        List<ShardJson> shards =
                changed.stream().map(id -> ShardJson.of(after.entry(id))).toList();
        List<String> removed =
                diff.removed().stream().map(ShardDefinition::shardId).sorted().toList();
        return new MapChange(after.version(), before.version(), false, sites(after), shards, removed);
    }

    /**
     * {@code base} with this change applied.
     *
     * @throws MapFeedException {@code GAP} when this change does not start at {@code base}'s version;
     *     {@code INVALID_EVENT} when it holds an invalid shard or site
     */
    public DirectorySnapshot applyTo(DirectorySnapshot base) {
        List<Site> siteList = sites.stream().map(SiteJson::toSite).toList();
        List<ShardEntry> entries = shards.stream().map(ShardJson::toEntry).toList();
        if (full) {
            return DirectorySnapshot.of(version, siteList, entries);
        }
        if (base.version() != baseVersion) {
            throw new MapFeedException(
                    MapFeedException.Code.GAP,
                    "the map feed sent the change from version " + baseVersion + " to " + version + " but this"
                            + " client holds version " + base.version() + "; reload the whole map");
        }
        List<ShardEntry> before = new ArrayList<>();
        for (String id : touchedIds(entries)) {
            ShardEntry previous = base.entry(id);
            if (previous != null) {
                before.add(previous);
            }
        }
        return base.withChangedBuckets(version, siteList, List.of(new BucketChange(before, entries)));
    }

    private Set<String> touchedIds(List<ShardEntry> entries) {
        Set<String> ids = new HashSet<>(removed);
        entries.forEach(e -> ids.add(e.shardId()));
        return ids;
    }

    private static List<SiteJson> sites(DirectorySnapshot snapshot) {
        return snapshot.sites().values().stream().map(SiteJson::of).toList();
    }
}
