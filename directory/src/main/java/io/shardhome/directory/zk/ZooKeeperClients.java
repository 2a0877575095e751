package io.shardhome.directory.zk;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * Builds Curator clients for the directory. With a digest identity configured, every znode shardhome
 * creates gets an ACL granting all rights to that identity and read to everyone, so only shardhome may
 * write its tree while any process may watch it. Stateless.
 */
public final class ZooKeeperClients {
    private ZooKeeperClients() {}

    /**
     * Creates and starts a client and waits up to the connection timeout for the first connection.
     *
     * @throws DirectoryException {@code UNAVAILABLE} when it does not connect in time (the client is closed)
     */
    public static CuratorFramework start(ZooKeeperSettings settings) {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                .sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) settings.connectionTimeout().toMillis())
                .retryPolicy(new ExponentialBackoffRetry(200, 5, 2000));
        if (settings.hasDigest()) {
            String credentials = settings.digestUser() + ":" + settings.digestPassword();
            builder.authorization("digest", credentials.getBytes(StandardCharsets.UTF_8))
                    .aclProvider(ownerWritesEveryoneReads(credentials));
        }
        CuratorFramework client = builder.build();
        client.start();
        awaitConnected(client, settings.connectionTimeout(), settings.connectString());
        return client;
    }

    private static void awaitConnected(CuratorFramework client, Duration timeout, String where) {
        boolean connected;
        try {
            connected = client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new DirectoryException(Code.INTERRUPTED, "interrupted while connecting to ZooKeeper at " + where, e);
        }
        if (!connected) {
            client.close();
            throw new DirectoryException(
                    Code.UNAVAILABLE,
                    "could not connect to ZooKeeper at " + where + " within " + timeout.toSeconds()
                            + " s; check the connect string and that the ensemble is up");
        }
    }

    /** ACLs: all rights for the digest identity, read for the world. */
    public static ACLProvider ownerWritesEveryoneReads(String userColonPassword) {
        List<ACL> acls;
        try {
            Id owner = new Id("digest", DigestAuthenticationProvider.generateDigest(userColonPassword));
            // not List.of: ZooKeeper calls contains(null) on the list, which immutable lists reject
            acls = new ArrayList<>(List.of(
                    new ACL(ZooDefs.Perms.ALL, owner), new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE)));
        } catch (NoSuchAlgorithmException e) {
            throw new DirectoryException(Code.ILLEGAL_STATE, "this JVM lacks SHA1 for ZooKeeper digest ACLs", e);
        }
        return new ACLProvider() {
            @Override
            public List<ACL> getDefaultAcl() {
                return acls;
            }

            @Override
            public List<ACL> getAclForPath(String path) {
                return acls;
            }
        };
    }
}
