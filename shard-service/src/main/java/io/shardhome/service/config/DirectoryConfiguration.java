package io.shardhome.service.config;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.TreeAcls;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires ZooKeeper (external or embedded), the Curator client, the directory and its live view. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardhomeProperties.class)
public class DirectoryConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);
    private static final Duration VIEW_REFRESH = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    ZooKeeperEndpoint zooKeeperEndpoint(ShardhomeProperties properties) {
        return ZooKeeperEndpoint.start(properties);
    }

    @Bean(destroyMethod = "close")
    CuratorFramework curator(ZooKeeperEndpoint endpoint, ShardhomeProperties properties) {
        ShardhomeProperties.ZooKeeper zk = properties.zookeeper();
        ZooKeeperSettings settings =
                ZooKeeperSettings.of(endpoint.connectString()).withSessionTimeout(zk.sessionTimeout());
        if (!zk.digestUser().isBlank()) {
            settings = settings.withDigest(zk.digestUser(), zk.digestPassword()).withReaderDigests(zk.readerDigests());
        }
        return ZooKeeperClients.start(settings);
    }

    @Bean(destroyMethod = "close")
    DirectoryAccess directoryAccess(CuratorFramework curator, ShardhomeProperties properties) {
        DirectoryLayout layout = DirectoryLayout.forCluster(properties.cluster());
        new DirectoryStore(curator, layout, StoreOptions.defaults()).initialize();
        secureTree(curator, layout, properties.zookeeper());
        ZkShardMapView view = ZkShardMapView.start(curator, layout, VIEW_REFRESH);
        Duration timeout = properties.zookeeper().startTimeout();
        if (!view.awaitReady(timeout)) {
            view.close();
            throw new DirectoryException(
                    DirectoryException.Code.UNAVAILABLE,
                    "the shard map under " + layout.root() + " could not be loaded within " + timeout
                            + "; check ZooKeeper is reachable and the digest identity may read it");
        }
        return new DirectoryAccess(curator, layout, view);
    }

    /**
     * With a digest identity, puts shardhome's ACL on every existing znode of the cluster (znodes created
     * before, e.g. world-readable ones, keep their old ACL otherwise); without one, says loudly that the
     * directory is open.
     */
    private static void secureTree(CuratorFramework curator, DirectoryLayout layout, ShardhomeProperties.ZooKeeper zk) {
        if (zk.digestUser().isBlank()) {
            log.warn(
                    "shardhome.zookeeper.digest-user is not set: anyone who can reach ZooKeeper can read and change"
                            + " the shard directory under {}; set a digest identity (see docs/operations.md, Security)",
                    layout.root());
            return;
        }
        TreeAcls.apply(
                curator,
                layout.root(),
                ZooKeeperClients.ownerOnly(zk.digestUser() + ":" + zk.digestPassword(), zk.readerDigests()));
    }
}
