package io.shardhome.directory.store;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import org.apache.curator.utils.ZKPaths;

/**
 * The znode paths of one shardhome cluster under its root (default {@code /shardhome/<cluster>}). See
 * {@code docs/zookeeper-layout.md}. Immutable.
 */
public record DirectoryLayout(String root) {
    public DirectoryLayout {
        if (root == null || !root.startsWith("/") || root.endsWith("/") || root.length() < 2) {
            throw new DirectoryException(
                    Code.INVALID_INPUT,
                    "directory root '" + root + "' must be an absolute znode path like /shardhome/prod");
        }
        ZKPaths.fixForNamespace(null, root);
    }

    /** The default layout for a cluster: {@code /shardhome/<cluster>}. */
    public static DirectoryLayout forCluster(String cluster) {
        return new DirectoryLayout("/shardhome/" + cluster);
    }

    /** The pointer znode: the manifest of the current map snapshot, flipped by compare-and-set. */
    public String pointer() {
        return root + "/map/current";
    }

    /** Parent of the immutable, compressed snapshot chunks. */
    public String chunks() {
        return root + "/map/chunks";
    }

    public String chunk(String chunkId) {
        return chunks() + "/" + chunkId;
    }

    /** Parent of the audit records (persistent sequential znodes {@code a-NNNNNNNNNN}). */
    public String audit() {
        return root + "/audit";
    }

    public String auditPrefix() {
        return audit() + "/a-";
    }

    /** Parent of the links' published status blobs. */
    public String links() {
        return root + "/links";
    }

    /** Parent of the links' holder epochs (one counter per link, raised by each new holder). */
    public String linkEpochs() {
        return root + "/link-epochs";
    }

    /** Parent of the move records. */
    public String moves() {
        return root + "/moves";
    }
}
