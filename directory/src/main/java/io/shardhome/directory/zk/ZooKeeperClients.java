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
 * creates gets an ACL granting all rights to that identity, read to the configured reader identities (if
 * any) and nothing to anyone else, so only shardhome may read or write its tree. Stateless.
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
                    .aclProvider(provider(ownerOnly(credentials, settings.readerDigests())));
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

    /**
     * The ACL of every shardhome znode: all rights for the identity {@code user:password}, read (and
     * nothing else) for each reader digest, no access for anyone else.
     *
     * @param readerDigests digest ids {@code user:base64(sha1(user:password))}, as ZooKeeper's {@code
     *     DigestAuthenticationProvider.generateDigest} prints them (the password itself is not needed)
     * @throws DirectoryException {@code INVALID_INPUT} for a reader digest not of that form
     */
    public static List<ACL> ownerOnly(String userColonPassword, List<String> readerDigests) {
        List<ACL> acls = new ArrayList<>();
        try {
            acls.add(new ACL(
                    ZooDefs.Perms.ALL,
                    new Id("digest", DigestAuthenticationProvider.generateDigest(userColonPassword))));
        } catch (NoSuchAlgorithmException e) {
            throw new DirectoryException(Code.ILLEGAL_STATE, "this JVM lacks SHA1 for ZooKeeper digest ACLs", e);
        }
        for (String reader : readerDigests) {
            if (!reader.matches("[^:\\s]+:[A-Za-z0-9+/]{27}=")) {
                throw new DirectoryException(
                        Code.INVALID_INPUT,
                        "ZooKeeper reader digest '" + reader.replaceAll(":.*", ":...") + "' is not user:base64-sha1;"
                                + " generate it with org.apache.zookeeper.server.auth.DigestAuthenticationProvider"
                                + " user:password");
            }
            acls.add(new ACL(ZooDefs.Perms.READ, new Id("digest", reader)));
        }
        // not List.copyOf: ZooKeeper calls contains(null) on the list, which immutable lists reject
        return acls;
    }

    private static ACLProvider provider(List<ACL> acls) {
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
