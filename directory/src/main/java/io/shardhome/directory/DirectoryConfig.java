package io.shardhome.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link Directory}. Immutable.
 *
 * @param connectString the ZooKeeper ensemble; empty to start an embedded single node (development)
 * @param cluster the cluster name: the tree lives under {@code /shardhome/<cluster>}
 * @param digestUser ZooKeeper digest identity that owns the tree; empty for open ACLs
 * @param digestPassword its password (from this process's configuration; never stored in ZooKeeper)
 * @param embeddedDataDir where the embedded ZooKeeper keeps its data (survives restarts)
 * @param embeddedPort the embedded ZooKeeper's client port; 0 picks a free one
 * @param actor the name recorded in audit records for changes made by this process
 * @param maxAuditRecords audit trail bound
 * @param refreshInterval the view's periodic re-read interval
 */
public record DirectoryConfig(
        String connectString,
        String cluster,
        String digestUser,
        String digestPassword,
        Path embeddedDataDir,
        int embeddedPort,
        String actor,
        int maxAuditRecords,
        Duration refreshInterval) {
    public DirectoryConfig {
        connectString = connectString == null ? "" : connectString.trim();
        cluster = cluster == null || cluster.isBlank() ? "default" : cluster;
        embeddedDataDir = Objects.requireNonNullElse(embeddedDataDir, Path.of("data", "zookeeper"));
        refreshInterval = Objects.requireNonNullElse(refreshInterval, Duration.ofSeconds(30));
    }

    /** Embedded ZooKeeper in {@code dataDir}, cluster "default", no ACL identity. */
    public static DirectoryConfig embedded(Path dataDir) {
        return new DirectoryConfig("", "default", "", "", dataDir, 0, "shardhome", 1000, null);
    }

    /** An external ensemble, cluster "default", no ACL identity. */
    public static DirectoryConfig external(String connectString) {
        return new DirectoryConfig(connectString, "default", "", "", null, 0, "shardhome", 1000, null);
    }

    public boolean usesEmbeddedZooKeeper() {
        return connectString.isEmpty();
    }
}
