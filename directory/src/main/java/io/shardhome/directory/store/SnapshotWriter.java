package io.shardhome.directory.store;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.Buckets;
import io.shardhome.directory.snapshot.ChunkCodec;
import io.shardhome.directory.snapshot.Manifest;
import io.shardhome.directory.snapshot.SnapshotReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a whole map into chunks, reusing the previous version's chunks for buckets that did not change
 * and doubling the bucket count until every chunk fits. Not thread-safe per call; stateless.
 */
final class SnapshotWriter {
    private final SnapshotReader reader;

    SnapshotWriter(SnapshotReader reader) {
        this.reader = reader;
    }

    /** The chunks of a new map: the manifest body and the chunks that must be written first. */
    record Prepared(Manifest manifest, Map<String, byte[]> newChunks) {}

    Prepared prepare(Manifest previous, List<Site> sites, Collection<ShardEntry> entries) {
        int bucketCount = Buckets.countFor(entries.size());
        while (true) {
            Prepared prepared = tryPrepare(previous, sites, entries, bucketCount);
            if (prepared != null) {
                return prepared;
            }
            bucketCount *= 2;
        }
    }

    private Prepared tryPrepare(Manifest previous, List<Site> sites, Collection<ShardEntry> entries, int bucketCount) {
        if (entries.isEmpty()) {
            return new Prepared(new Manifest(Manifest.FORMAT, 0, "", sites, 0, List.of()), Map.of());
        }
        List<List<ShardEntry>> buckets = Buckets.split(entries, bucketCount);
        boolean sameBuckets = previous.bucketCount() == bucketCount;
        List<String> chunkIds = new ArrayList<>(bucketCount);
        Map<String, byte[]> fresh = new LinkedHashMap<>();
        for (int b = 0; b < bucketCount; b++) {
            if (sameBuckets && reader.bucket(previous.chunks().get(b)).equals(buckets.get(b))) {
                chunkIds.add(previous.chunks().get(b));
                continue;
            }
            byte[] chunk = ChunkCodec.encode(buckets.get(b));
            if (chunk.length > MapCommitter.MAX_CHUNK_BYTES) {
                return null;
            }
            String id = MapCommitter.newChunkId();
            chunkIds.add(id);
            fresh.put(id, chunk);
        }
        return new Prepared(new Manifest(Manifest.FORMAT, 0, "", sites, entries.size(), chunkIds), fresh);
    }
}
