package io.shardhome.directory.store;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.audit.AuditTrail;
import io.shardhome.directory.snapshot.Manifest;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.directory.snapshot.SnapshotReader.Pointer;
import io.shardhome.directory.zk.Json;
import io.shardhome.directory.zk.ZkCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Writes new map versions: chunks first (invisible until referenced), then one transaction that flips
 * the pointer with a compare-and-set and adds the audit record. Also collects unreferenced chunks.
 * Thread-safe.
 */
final class MapCommitter {
    /** Largest chunk written; a bigger bucket is split by re-bucketing. */
    static final int MAX_CHUNK_BYTES = 400 * 1024;

    private static final int MAX_BATCH_BYTES = 900 * 1024;

    private final CuratorFramework client;
    private final DirectoryLayout layout;
    private final SnapshotReader reader;
    private final AuditTrail audit;
    private final StoreOptions options;
    private volatile long lastGarbageCollection;

    MapCommitter(
            CuratorFramework client,
            DirectoryLayout layout,
            SnapshotReader reader,
            AuditTrail audit,
            StoreOptions options) {
        this.client = client;
        this.layout = layout;
        this.reader = reader;
        this.audit = audit;
        this.options = options;
    }

    /** What a commit writes besides the pointer. */
    record Change(
            Manifest next,
            Map<String, byte[]> inlineChunks,
            String action,
            String summary,
            List<AuditRecord.Change> details,
            int total) {}

    /** A fresh, unique chunk id that starts with its creation time (for garbage collection). */
    static String newChunkId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    static void requireVersion(String what, Pointer read, long expectedVersion) {
        long current = read.manifest().version();
        if (current != expectedVersion) {
            throw DirectoryException.conflict(what, expectedVersion, current);
        }
    }

    /** Writes chunks outside the pointer transaction, in batches that stay under ZooKeeper's request limit. */
    void writeAhead(Map<String, byte[]> chunks) {
        List<CuratorOp> batch = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, byte[]> chunk : chunks.entrySet()) {
            if (!batch.isEmpty() && bytes + chunk.getValue().length > MAX_BATCH_BYTES) {
                runBatch(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(ZkCalls.call(
                    "preparing chunk",
                    () -> client.transactionOp().create().forPath(layout.chunk(chunk.getKey()), chunk.getValue())));
            bytes += chunk.getValue().length;
        }
        if (!batch.isEmpty()) {
            runBatch(batch);
        }
    }

    private void runBatch(List<CuratorOp> batch) {
        ZkCalls.call("writing " + batch.size() + " shard map chunks", () -> client.transaction()
                .forOperations(batch));
    }

    /**
     * Flips the pointer from {@code read} to {@code change.next()} (version = read version + 1).
     *
     * @return the new map version
     * @throws DirectoryException {@code CONFLICT} when another writer changed the map since {@code read}
     */
    long commit(Pointer read, Change change) {
        String commitId = UUID.randomUUID().toString();
        Manifest base = change.next();
        long version = read.manifest().version() + 1;
        Manifest next =
                new Manifest(Manifest.FORMAT, version, commitId, base.sites(), base.shardCount(), base.chunks());
        AuditRecord record = new AuditRecord(
                version,
                options.actor(),
                Instant.now(),
                change.action(),
                change.summary(),
                change.details(),
                change.total());
        List<CuratorOp> ops = new ArrayList<>();
        ZkCalls.call("preparing commit", () -> {
            for (Map.Entry<String, byte[]> chunk : change.inlineChunks().entrySet()) {
                ops.add(client.transactionOp().create().forPath(layout.chunk(chunk.getKey()), chunk.getValue()));
            }
            ops.add(client.transactionOp()
                    .setData()
                    .withVersion(read.znodeVersion())
                    .forPath(layout.pointer(), Json.write(next)));
            ops.add(client.transactionOp()
                    .create()
                    .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(layout.auditPrefix(), Json.write(record)));
            return null;
        });
        try {
            client.transaction().forOperations(ops);
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
            confirmOwnCommitOrConflict(change.action(), read, commitId);
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
            confirmOwnCommitOrUnknown(change.action(), commitId, e);
        } catch (Exception e) {
            throw ZkCalls.translate(change.action(), e);
        }
        afterCommit();
        return version;
    }

    /** A retried transaction fails on its own earlier success: recognise that by the commit id. */
    private void confirmOwnCommitOrConflict(String what, Pointer read, String commitId) {
        Manifest now = reader.readPointer(null).manifest();
        if (!now.commitId().equals(commitId)) {
            throw DirectoryException.conflict(what, read.manifest().version(), now.version());
        }
    }

    private void confirmOwnCommitOrUnknown(String what, String commitId, Exception cause) {
        Manifest now;
        try {
            now = reader.readPointer(null).manifest();
        } catch (DirectoryException e) {
            e.addSuppressed(cause);
            throw new DirectoryException(
                    Code.UNAVAILABLE,
                    what + " lost its ZooKeeper connection and the outcome "
                            + "is unknown; re-read the directory to see whether the change was made, then retry",
                    e);
        }
        if (!now.commitId().equals(commitId)) {
            throw ZkCalls.translate(what, cause);
        }
    }

    private void afterCommit() {
        audit.trim();
        long now = System.currentTimeMillis();
        if (now - lastGarbageCollection >= Math.max(1000, options.garbageGrace().toMillis() / 2)) {
            lastGarbageCollection = now;
            collectGarbage();
        }
    }

    /**
     * Deletes chunks that the current pointer does not reference and that are older than the grace
     * period.
     *
     * @return how many chunks were deleted
     */
    int collectGarbage() {
        Set<String> live = new HashSet<>(reader.readPointer(null).manifest().chunks());
        long cutoff = System.currentTimeMillis() - options.garbageGrace().toMillis();
        List<String> all =
                ZkCalls.call("listing chunks", () -> client.getChildren().forPath(layout.chunks()));
        int deleted = 0;
        for (String chunkId : all) {
            if (!live.contains(chunkId) && createdMillis(chunkId) < cutoff) {
                deleted += deleteQuietly(layout.chunk(chunkId));
            }
        }
        return deleted;
    }

    private int deleteQuietly(String path) {
        return ZkCalls.call("deleting unreferenced chunk " + path, () -> {
            try {
                client.delete().forPath(path);
                return 1;
            } catch (KeeperException.NoNodeException deletedByAnotherWriter) {
                return 0;
            }
        });
    }

    private static long createdMillis(String chunkId) {
        int dash = chunkId.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? chunkId : chunkId.substring(0, dash), 36);
        } catch (NumberFormatException notOurs) {
            return Long.MAX_VALUE;
        }
    }
}
