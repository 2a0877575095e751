package io.shardhome.directory.blob;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.Json;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/**
 * Durable move records (the move state machine) under {@code <root>/moves/<shardId>}, one per shard,
 * every write a compare-and-set on the record's version so two movers cannot both advance a move.
 * Thread-safe; errors are {@code DirectoryException}s ({@code CONFLICT} on a stale version).
 */
public final class MoveRecordStore {
    private final BlobStore blobs;

    public MoveRecordStore(CuratorFramework client, DirectoryLayout layout) {
        this.blobs = new BlobStore(client, layout.moves(), "move record");
    }

    /** Creates the shard's move record; fails with CONFLICT if one exists. Returns its version (0). */
    public int create(String shardId, byte[] record) {
        return blobs.compareAndSet(BlobStore.requireShardKey(shardId), record, VersionedBlob.ABSENT);
    }

    /** Replaces the record if it is still at {@code expectedVersion}; returns the new version. */
    public int update(String shardId, byte[] record, int expectedVersion) {
        return blobs.compareAndSet(BlobStore.requireShardKey(shardId), record, expectedVersion);
    }

    /** JSON form of {@link #update}; {@code expectedVersion} {@link VersionedBlob#ABSENT} creates. */
    public int write(String shardId, Object record, int expectedVersion) {
        return blobs.compareAndSet(BlobStore.requireShardKey(shardId), Json.write(record), expectedVersion);
    }

    public Optional<VersionedBlob> read(String shardId) {
        return blobs.read(BlobStore.requireShardKey(shardId));
    }

    public <T> Optional<T> read(String shardId, Class<T> type) {
        return read(shardId).map(b -> Json.read(b.data(), type, "move record " + shardId));
    }

    /** Removes a finished move's record if still at {@code expectedVersion}. */
    public void delete(String shardId, int expectedVersion) {
        blobs.delete(BlobStore.requireShardKey(shardId), expectedVersion);
    }

    /** Shards with a move record, sorted. */
    public List<String> shardIds() {
        return blobs.keys();
    }
}
