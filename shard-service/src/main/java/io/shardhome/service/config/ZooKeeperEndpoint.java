package io.shardhome.service.config;

import io.shardhome.directory.zk.EmbeddedZooKeeper;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service's ZooKeeper is: the configured ensemble, or an embedded single node started (and
 * owned) here when none is configured. Close is idempotent and stops only an embedded node.
 */
public final class ZooKeeperEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ZooKeeperEndpoint.class);

    private final String connectString;
    private final EmbeddedZooKeeper embedded;

    private ZooKeeperEndpoint(String connectString, EmbeddedZooKeeper embedded) {
        this.connectString = connectString;
        this.embedded = embedded;
    }

    static ZooKeeperEndpoint start(ShardhomeProperties properties) {
        ShardhomeProperties.ZooKeeper zk = properties.zookeeper();
        if (!zk.embedded()) {
            return new ZooKeeperEndpoint(zk.connect(), null);
        }
        Path dir = properties.dataDir().resolve("zookeeper").toAbsolutePath().normalize();
        EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir, zk.embeddedPort());
        log.info(
                "no shardhome.zookeeper.connect configured: started an embedded single-node ZooKeeper at {} with data"
                        + " in {}; use an external ensemble in production",
                server.connectString(),
                dir);
        return new ZooKeeperEndpoint(server.connectString(), server);
    }

    public String connectString() {
        return connectString;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
