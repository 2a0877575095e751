package io.shardhome.directory.store;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardRead;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.Buckets;
import io.shardhome.directory.snapshot.ChunkCodec;
import io.shardhome.directory.snapshot.Manifest;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.directory.snapshot.SnapshotReader.ChunkGoneException;
import io.shardhome.directory.snapshot.SnapshotReader.Pointer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Single-shard edits: rewrite only the bucket chunk holding the shard and flip the pointer, all in one
 * ZooKeeper transaction; fall back to a full rewrite when the bucket grows too big. Thread-safe.
 */
final class ShardEditor {
    private static final int MAX_ATTEMPTS = 5;

    private final SnapshotReader reader;
    private final MapCommitter committer;
    private final SnapshotWriter writer;

    ShardEditor(SnapshotReader reader, MapCommitter committer, SnapshotWriter writer) {
        this.reader = reader;
        this.committer = committer;
        this.writer = writer;
    }

    static ShardEntry require(ShardEntry current, String shardId) {
        if (current == null) {
            throw unknownShard(shardId);
        }
        return current;
    }

    static DirectoryException unknownShard(String shardId) {
        return new DirectoryException(
                Code.UNKNOWN_SHARD,
                "shard '" + shardId + "' is not in the shard map; " + "create it first or check the id");
    }

    ShardRead read(String shardId) {
        for (int attempt = 1; ; attempt++) {
            Manifest m = reader.readPointer(null).manifest();
            try {
                ShardEntry found = m.bucketCount() == 0 ? null : find(bucketOf(m, shardId), shardId);
                return new ShardRead(require(found, shardId), m.version());
            } catch (ChunkGoneException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    long edit(String action, long expected, String shardId, ShardEdit edit) {
        for (int attempt = 1; ; attempt++) {
            Pointer read = reader.readPointer(null);
            MapCommitter.requireVersion(action + " of shard '" + shardId + "'", read, expected);
            try {
                return editAt(action, read, shardId, edit);
            } catch (ChunkGoneException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private long editAt(String action, Pointer read, String shardId, ShardEdit edit) {
        Manifest m = read.manifest();
        List<ShardEntry> bucket = m.bucketCount() == 0 ? List.of() : bucketOf(m, shardId);
        ShardEntry before = find(bucket, shardId);
        ShardEntry after = edit.apply(before);
        if (after != null) {
            requireKnownSites(after, m.sites());
        }
        AuditRecord.Change change = new AuditRecord.Change("shard:" + shardId, describe(before), describe(after));
        String summary = action + " " + shardId;
        int newCount = m.shardCount() + (before == null ? 1 : 0) - (after == null ? 1 : 0);
        List<ShardEntry> newBucket = replaced(bucket, shardId, after);
        if (m.bucketCount() > 0 && newBucket.size() <= 2 * Buckets.TARGET_SHARDS_PER_BUCKET) {
            byte[] chunk = ChunkCodec.encode(newBucket);
            if (chunk.length <= MapCommitter.MAX_CHUNK_BYTES) {
                String chunkId = MapCommitter.newChunkId();
                List<String> chunks = new ArrayList<>(m.chunks());
                chunks.set(Buckets.bucketOf(shardId, m.bucketCount()), chunkId);
                Manifest next = new Manifest(m.format(), m.version(), "", m.sites(), newCount, chunks);
                return committer.commit(
                        read,
                        new MapCommitter.Change(next, Map.of(chunkId, chunk), action, summary, List.of(change), 1));
            }
        }
        List<ShardEntry> all = replaced(reader.load(m).sortedEntries(), shardId, after);
        return rewrite(read, all, new MapCommitter.Change(null, Map.of(), action, summary, List.of(change), 1));
    }

    /** Writes a whole new map in fresh chunks, then flips the pointer (audit from {@code audit}). */
    long rewrite(Pointer read, Collection<ShardEntry> all, MapCommitter.Change audit) {
        Manifest m = read.manifest();
        SnapshotWriter.Prepared prepared = writer.prepare(m, m.sites(), all);
        committer.writeAhead(prepared.newChunks());
        return committer.commit(
                read,
                new MapCommitter.Change(
                        prepared.manifest(),
                        Map.of(),
                        audit.action(),
                        audit.summary(),
                        audit.details(),
                        audit.total()));
    }

    static void requireKnownSites(ShardEntry entry, List<Site> sites) {
        if (!entry.home().isLocal()
                && sites.stream().noneMatch(s -> s.name().equals(entry.home().value()))) {
            throw DirectoryStore.unknownSite(entry.home().value());
        }
        if (!entry.moveTarget().isEmpty()
                && sites.stream().noneMatch(s -> s.name().equals(entry.moveTarget()))) {
            throw DirectoryStore.unknownSite(entry.moveTarget());
        }
    }

    static String describe(ShardEntry e) {
        if (e == null) {
            return "";
        }
        return "home=" + e.home() + " critical=" + e.definition().critical() + " state=" + e.state()
                + (e.moveTarget().isEmpty() ? "" : " moveTarget=" + e.moveTarget())
                + (e.definition().history().isNone()
                        ? ""
                        : " tenures=" + e.definition().history());
    }

    private List<ShardEntry> bucketOf(Manifest m, String shardId) {
        return reader.bucket(m.chunks().get(Buckets.bucketOf(shardId, m.bucketCount())));
    }

    private static ShardEntry find(List<ShardEntry> entries, String shardId) {
        for (ShardEntry e : entries) {
            if (e.shardId().equals(shardId)) {
                return e;
            }
        }
        return null;
    }

    private static List<ShardEntry> replaced(List<ShardEntry> entries, String shardId, ShardEntry after) {
        List<ShardEntry> out = new ArrayList<>(entries.size() + 1);
        for (ShardEntry e : entries) {
            if (!e.shardId().equals(shardId)) {
                out.add(e);
            }
        }
        if (after != null) {
            out.add(after);
        }
        out.sort(Comparator.comparing(ShardEntry::shardId));
        return out;
    }
}
