package io.shardhome.directory.blob;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.zk.ZkCalls;
import io.shardhome.filter.map.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Small blobs (under 512 KB) under one parent znode, keyed by a simple name, written with
 * compare-and-set on the znode version. The base of {@link LinkStatusStore} and {@link
 * MoveRecordStore}. Thread-safe.
 */
class BlobStore {
    static final int MAX_BLOB_BYTES = 512 * 1024;

    private final CuratorFramework client;
    private final String parent;
    private final String kind;

    BlobStore(CuratorFramework client, String parent, String kind) {
        this.client = client;
        this.parent = parent;
        this.kind = kind;
    }

    Optional<VersionedBlob> read(String key) {
        String path = path(key);
        return ZkCalls.call("reading " + kind + " " + key, () -> {
            Stat stat = new Stat();
            try {
                return Optional.of(
                        new VersionedBlob(client.getData().storingStatIn(stat).forPath(path), stat.getVersion()));
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            }
        });
    }

    /** Writes unconditionally (last writer wins); returns the new version. */
    int put(String key, byte[] data) {
        String path = path(key);
        checkSize(key, data);
        return ZkCalls.call("publishing " + kind + " " + key, () -> {
            try {
                return client.setData().forPath(path, data).getVersion();
            } catch (KeeperException.NoNodeException e) {
                try {
                    client.create().creatingParentsIfNeeded().forPath(path, data);
                    return 0;
                } catch (KeeperException.NodeExistsException raced) {
                    return client.setData().forPath(path, data).getVersion();
                }
            }
        });
    }

    /**
     * Writes if the stored version is {@code expectedVersion} ({@link VersionedBlob#ABSENT}: must not
     * exist); returns the new version.
     *
     * @throws DirectoryException {@code CONFLICT} naming the current version
     */
    int compareAndSet(String key, byte[] data, int expectedVersion) {
        String path = path(key);
        checkSize(key, data);
        try {
            if (expectedVersion == VersionedBlob.ABSENT) {
                client.create().creatingParentsIfNeeded().forPath(path, data);
                return 0;
            }
            return client.setData()
                    .withVersion(expectedVersion)
                    .forPath(path, data)
                    .getVersion();
        } catch (KeeperException.NodeExistsException
                | KeeperException.BadVersionException
                | KeeperException.NoNodeException e) {
            int current = read(key).map(VersionedBlob::version).orElse(VersionedBlob.ABSENT);
            throw new DirectoryException(
                    Code.CONFLICT,
                    "writing " + kind + " " + key + " failed: you read version " + expectedVersion
                            + " but the current version is " + current + "; re-read it and retry",
                    e);
        } catch (Exception e) {
            throw ZkCalls.translate("writing " + kind + " " + key, e);
        }
    }

    /** Deletes if at {@code expectedVersion}. @throws DirectoryException {@code CONFLICT} */
    void delete(String key, int expectedVersion) {
        String path = path(key);
        try {
            client.delete().withVersion(expectedVersion).forPath(path);
        } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
            throw new DirectoryException(
                    Code.CONFLICT,
                    "deleting " + kind + " " + key + " at version " + expectedVersion
                            + " failed: it changed or is gone; re-read it",
                    e);
        } catch (Exception e) {
            throw ZkCalls.translate("deleting " + kind + " " + key, e);
        }
    }

    List<String> keys() {
        return ZkCalls.call("listing " + kind + "s", () -> {
            try {
                List<String> keys = new ArrayList<>(client.getChildren().forPath(parent));
                keys.sort(null);
                return keys;
            } catch (KeeperException.NoNodeException e) {
                return List.of();
            }
        });
    }

    private String path(String key) {
        if (key == null || !key.matches("[A-Za-z0-9_$.-]{1,128}") || key.startsWith(".")) {
            throw new DirectoryException(
                    Code.INVALID_INPUT,
                    kind + " key '" + key + "' is invalid; use 1 to 128 of "
                            + "[A-Za-z0-9_$.-], not starting with '.'");
        }
        return parent + "/" + key;
    }

    private void checkSize(String key, byte[] data) {
        if (data.length > MAX_BLOB_BYTES) {
            throw new DirectoryException(
                    Code.INVALID_INPUT,
                    kind + " " + key + " is " + data.length + " bytes; keep " + "it under " + MAX_BLOB_BYTES
                            + " (ZooKeeper is for small coordination data)");
        }
    }

    static String requireShardKey(String shardId) {
        return Names.requireShardId(shardId);
    }
}
