package io.shardhome.directory.zk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to connect to ZooKeeper. Immutable.
 *
 * @param connectString host:port list of the ensemble
 * @param digestUser user of the digest identity that owns the shardhome tree; empty for none (open ACL)
 * @param digestPassword its password (from this process's own configuration; never stored in ZooKeeper)
 * @param sessionTimeout ZooKeeper session timeout
 * @param connectionTimeout how long one connection attempt may take
 * @param readerDigests digest ids ({@code user:base64-sha1}) that may read, but not change, the tree
 */
public record ZooKeeperSettings(
        String connectString,
        String digestUser,
        String digestPassword,
        Duration sessionTimeout,
        Duration connectionTimeout,
        List<String> readerDigests) {
    public ZooKeeperSettings {
        Objects.requireNonNull(connectString, "connectString");
        digestUser = digestUser == null ? "" : digestUser;
        digestPassword = digestPassword == null ? "" : digestPassword;
        sessionTimeout = Objects.requireNonNullElse(sessionTimeout, Duration.ofSeconds(30));
        connectionTimeout = Objects.requireNonNullElse(connectionTimeout, Duration.ofSeconds(15));
        readerDigests = List.copyOf(Objects.requireNonNullElse(readerDigests, List.of()));
    }

    public static ZooKeeperSettings of(String connectString) {
        return new ZooKeeperSettings(connectString, "", "", null, null, List.of());
    }

    public ZooKeeperSettings withDigest(String user, String password) {
        return new ZooKeeperSettings(connectString, user, password, sessionTimeout, connectionTimeout, readerDigests);
    }

    public ZooKeeperSettings withSessionTimeout(Duration timeout) {
        return new ZooKeeperSettings(
                connectString, digestUser, digestPassword, timeout, connectionTimeout, readerDigests);
    }

    /** These settings with identities that may only read the tree (see {@link #readerDigests()}). */
    public ZooKeeperSettings withReaderDigests(List<String> digests) {
        return new ZooKeeperSettings(
                connectString, digestUser, digestPassword, sessionTimeout, connectionTimeout, digests);
    }

    public boolean hasDigest() {
        return !digestUser.isEmpty();
    }

    @Override
    public String toString() {
        return "ZooKeeperSettings[" + connectString + ", digestUser=" + digestUser + "]";
    }
}
