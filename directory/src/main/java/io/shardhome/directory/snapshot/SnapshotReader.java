package io.shardhome.directory.snapshot;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.Json;
import io.shardhome.directory.zk.ZkCalls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads the pointer and the chunks it names. Chunks are immutable, so decoded chunks are cached by id
 * and a new map version only fetches the chunks that changed. Thread-safe.
 */
public final class SnapshotReader {
    private static final int MAX_ATTEMPTS = 5;

    private final CuratorFramework client;
    private final DirectoryLayout layout;
    private final Map<String, List<ShardEntry>> chunkCache = new ConcurrentHashMap<>();

    public SnapshotReader(CuratorFramework client, DirectoryLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** The pointer as read, with its znode version (for compare-and-set). */
    public record Pointer(Manifest manifest, int znodeVersion) {}

    /**
     * Reads the pointer, optionally leaving a watch on it.
     *
     * @throws DirectoryException {@code ILLEGAL_STATE} when the directory was never initialised
     */
    public Pointer readPointer(CuratorWatcher watcher) {
        String path = layout.pointer();
        return ZkCalls.call("reading the shard map pointer " + path, () -> {
            Stat stat = new Stat();
            byte[] data;
            try {
                data = watcher == null
                        ? client.getData().storingStatIn(stat).forPath(path)
                        : client.getData()
                                .storingStatIn(stat)
                                .usingWatcher(watcher)
                                .forPath(path);
            } catch (KeeperException.NoNodeException e) {
                if (watcher != null) {
                    client.checkExists().usingWatcher(watcher).forPath(path);
                }
                throw new DirectoryException(
                        Code.ILLEGAL_STATE,
                        "no shard directory at " + layout.root() + "; initialise it (DirectoryStore.initialize) or "
                                + "check the configured root",
                        e);
            }
            return new Pointer(Json.read(data, Manifest.class, path), stat.getVersion());
        });
    }

    /** Reads the current pointer and all its chunks as one consistent snapshot. */
    public DirectorySnapshot readSnapshot() {
        for (int attempt = 1; ; attempt++) {
            Manifest manifest = readPointer(null).manifest();
            try {
                return load(manifest);
            } catch (ChunkGoneException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e.asDirectoryException();
                }
            }
        }
    }

    /**
     * Builds the snapshot a manifest describes.
     *
     * @throws ChunkGoneException when a chunk was garbage-collected meanwhile: re-read the pointer
     */
    public DirectorySnapshot load(Manifest manifest) {
        List<List<ShardEntry>> buckets = new ArrayList<>(manifest.bucketCount());
        for (String chunkId : manifest.chunks()) {
            buckets.add(bucket(chunkId));
        }
        chunkCache.keySet().retainAll(new HashSet<>(manifest.chunks()));
        return DirectorySnapshot.fromBuckets(manifest.version(), manifest.sites(), buckets);
    }

    /**
     * Builds the snapshot {@code manifest} describes from {@code previous} (built from {@code
     * previousManifest}, or null), fetching and diffing only the chunks that changed. Falls back to
     * {@link #load(Manifest)} when there is no previous snapshot or the bucket layout changed.
     *
     * @throws ChunkGoneException when a chunk was garbage-collected meanwhile: re-read the pointer
     */
    public DirectorySnapshot load(Manifest manifest, Manifest previousManifest, DirectorySnapshot previous) {
        if (previousManifest == null
                || previous.version() != previousManifest.version()
                || previousManifest.bucketCount() != manifest.bucketCount()) {
            return load(manifest);
        }
        List<DirectorySnapshot.BucketChange> changes = new ArrayList<>();
        for (int b = 0; b < manifest.bucketCount(); b++) {
            String before = previousManifest.chunks().get(b);
            String after = manifest.chunks().get(b);
            if (!before.equals(after)) {
                List<ShardEntry> old = chunkCache.get(before);
                if (old == null) {
                    return load(manifest);
                }
                changes.add(new DirectorySnapshot.BucketChange(old, bucket(after)));
            }
        }
        chunkCache.keySet().retainAll(new HashSet<>(manifest.chunks()));
        return previous.withChangedBuckets(manifest.version(), manifest.sites(), changes);
    }

    /** The decoded entries of one chunk (cached). */
    public List<ShardEntry> bucket(String chunkId) {
        List<ShardEntry> cached = chunkCache.get(chunkId);
        if (cached != null) {
            return cached;
        }
        String path = layout.chunk(chunkId);
        byte[] data = ZkCalls.call("reading shard map chunk " + path, () -> {
            try {
                return client.getData().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                throw new ChunkGoneException(path);
            }
        });
        List<ShardEntry> entries = List.copyOf(ChunkCodec.decode(data));
        chunkCache.put(chunkId, entries);
        return entries;
    }

    /** A chunk named by a manifest no longer exists (the manifest was superseded and collected). */
    public static final class ChunkGoneException extends DirectoryException {
        private static final long serialVersionUID = 1L;

        ChunkGoneException(String path) {
            super(
                    Code.UNAVAILABLE,
                    "shard map chunk " + path + " vanished while reading; the map changed " + "meanwhile: read again");
        }

        DirectoryException asDirectoryException() {
            return new DirectoryException(
                    Code.UNAVAILABLE,
                    getMessage() + " (gave up after " + MAX_ATTEMPTS
                            + " attempts; the map is changing faster than it can be read)",
                    this);
        }
    }
}
