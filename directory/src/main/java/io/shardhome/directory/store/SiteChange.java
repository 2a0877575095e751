package io.shardhome.directory.store;

import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.directory.snapshot.SnapshotReader.Pointer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One map version that changes a site and any number of shard entries together (a failover marks the dead
 * site DOWN and re-homes all its shards at once): the shards' buckets are written ahead as fresh chunks (the
 * unchanged ones are reused), then the pointer flips with one compare-and-set and one audit record. Readers
 * see the map before or after, never a mix. Thread-safe; stateless.
 */
final class SiteChange {
    private final SnapshotReader reader;
    private final MapCommitter committer;
    private final SnapshotWriter writer;

    SiteChange(SnapshotReader reader, MapCommitter committer, SnapshotWriter writer) {
        this.reader = reader;
        this.committer = committer;
        this.writer = writer;
    }

    long commit(Site site, Collection<ShardEntry> entries, String action, String summary, long expected) {
        Pointer read = reader.readPointer(null);
        MapCommitter.requireVersion(action + " of site '" + site.name() + "'", read, expected);
        List<Site> sites = new ArrayList<>(read.manifest().sites());
        int at = indexOf(sites, site.name());
        if (at < 0) {
            throw DirectoryStore.unknownSite(site.name());
        }
        Site before = sites.set(at, site);
        DirectorySnapshot current = reader.load(read.manifest());
        Map<String, ShardEntry> all = new LinkedHashMap<>();
        current.sortedEntries().forEach(e -> all.put(e.shardId(), e));
        List<AuditRecord.Change> details = new ArrayList<>();
        details.add(new AuditRecord.Change("site:" + site.name(), before.toString(), site.toString()));
        for (ShardEntry entry : entries) {
            ShardEntry previous = all.get(entry.shardId());
            if (previous == null) {
                throw ShardEditor.unknownShard(entry.shardId());
            }
            ShardEditor.requireKnownSites(entry, sites);
            all.put(entry.shardId(), entry);
            if (details.size() < AuditRecord.MAX_DETAILED_CHANGES) {
                details.add(new AuditRecord.Change(
                        "shard:" + entry.shardId(), ShardEditor.describe(previous), ShardEditor.describe(entry)));
            }
        }
        SnapshotWriter.Prepared prepared = writer.prepare(read.manifest(), sites, all.values());
        committer.writeAhead(prepared.newChunks());
        return committer.commit(
                read,
                new MapCommitter.Change(prepared.manifest(), Map.of(), action, summary, details, entries.size() + 1));
    }

    private static int indexOf(List<Site> sites, String name) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
