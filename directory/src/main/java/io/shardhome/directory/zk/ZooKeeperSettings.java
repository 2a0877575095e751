package io.shardhome.directory.zk;

import java.time.Duration;
import java.util.Objects;

/**
 * How to connect to ZooKeeper. Immutable.
 *
 * @param connectString host:port list of the ensemble
 * @param digestUser user of the digest identity that owns the shardhome tree; empty for none (open ACL)
 * @param digestPassword its password (from this process's own configuration; never stored in ZooKeeper)
 * @param sessionTimeout ZooKeeper session timeout
 * @param connectionTimeout how long one connection attempt may take
 */
public record ZooKeeperSettings(
        String connectString,
        String digestUser,
        String digestPassword,
        Duration sessionTimeout,
        Duration connectionTimeout) {
    public ZooKeeperSettings {
        Objects.requireNonNull(connectString, "connectString");
        digestUser = digestUser == null ? "" : digestUser;
        digestPassword = digestPassword == null ? "" : digestPassword;
        sessionTimeout = Objects.requireNonNullElse(sessionTimeout, Duration.ofSeconds(30));
        connectionTimeout = Objects.requireNonNullElse(connectionTimeout, Duration.ofSeconds(15));
    }

    public static ZooKeeperSettings of(String connectString) {
        return new ZooKeeperSettings(connectString, "", "", null, null);
    }

    public ZooKeeperSettings withDigest(String user, String password) {
        return new ZooKeeperSettings(connectString, user, password, sessionTimeout, connectionTimeout);
    }

    public ZooKeeperSettings withSessionTimeout(Duration timeout) {
        return new ZooKeeperSettings(connectString, digestUser, digestPassword, timeout, connectionTimeout);
    }

    public boolean hasDigest() {
        return !digestUser.isEmpty();
    }

    @Override
    public String toString() {
        return "ZooKeeperSettings[" + connectString + ", digestUser=" + digestUser + "]";
    }
}
