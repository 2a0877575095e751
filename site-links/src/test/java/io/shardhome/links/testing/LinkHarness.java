package io.shardhome.links.testing;

import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.TestingServer;

/**
 * Test support (shipped in the test-jar): a real directory on an in-process ZooKeeper, a live map view
 * over it, and links between {@link MariaDbSites} started from each source's current GTID position
 * (MariaDB or MySQL 8 masters, see {@link Flavour}).
 * One harness per test; {@link #close()} closes its links, view and directory.
 */
public final class LinkHarness implements AutoCloseable {
    private static TestingServer zooKeeper;

    private final DirectoryFixture directory;
    private final ZkShardMapView view;
    private final List<Link> links = new ArrayList<>();

    private LinkHarness(DirectoryFixture directory, ZkShardMapView view) {
        this.directory = directory;
        this.view = view;
    }

    /** A fresh directory with {@code sites} registered; their masters are cleared of user schemas. */
    public static LinkHarness start(String... sites) {
        for (String site : sites) {
            MariaDbSites.get(site).dropUserSchemas();
        }
        DirectoryFixture directory = DirectoryFixture.on(zooKeeper().getConnectString());
        directory.registerSites(sites);
        ZkShardMapView view = ZkShardMapView.start(directory.client(), directory.layout(), Duration.ofSeconds(30));
        view.awaitReady(Duration.ofSeconds(10));
        return new LinkHarness(directory, view);
    }

    private static synchronized TestingServer zooKeeper() {
        if (zooKeeper == null) {
            try {
                zooKeeper = new TestingServer(true);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test ZooKeeper", e);
            }
        }
        return zooKeeper;
    }

    public ZkShardMapView view() {
        return view;
    }

    public DirectoryFixture directory() {
        return directory;
    }

    /** Adds or changes shard definitions in the directory and waits until the view has them. */
    public void define(String shard, String home) {
        long version = directory.store().version();
        ShardDefinition definition = ShardDefinition.of(shard, home, false);
        long next = view.current().contains(shard)
                ? directory.store().updateShard(definition, version)
                : directory.store().createShard(definition, version);
        await().atMost(Duration.ofSeconds(10)).until(() -> view.current().version() >= next);
    }

    /** A started link {@code from -> to} with default policies. */
    public Link link(String from, String to) {
        return link(from, to, FilterPolicies.DEFAULTS);
    }

    /** A started link starting at the source's current position; waits until it is ONLINE. */
    public Link link(String from, String to, FilterPolicies policies) {
        MariaDbSite source = MariaDbSites.get(from);
        LinkConfig config =
                LinkConfig.of(source.endpoint(), MariaDbSites.get(to).endpoint(), policies, source.gtidPosition());
        return started(config);
    }

    /** Starts a link with {@code config} (e.g. to restart one that was closed) and waits until it is ONLINE. */
    public Link started(LinkConfig config) {
        Link link = new Link(config, view);
        links.add(link);
        link.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.ONLINE);
        return link;
    }

    /** Every link this harness started, in order. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    /** Waits until {@code link} has processed everything its source master has committed so far. */
    public static void awaitCaughtUp(Link link, String sourceSite) {
        MariaDbSite source = MariaDbSites.get(sourceSite);
        String sourceNow = source.gtidPosition();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> source.flavour().covers(link.status().gtidSet(), sourceNow));
    }

    /** Whether {@code link} has processed everything its source master has committed by now. */
    public static boolean isCaughtUp(Link link, String sourceSite) {
        MariaDbSite source = MariaDbSites.get(sourceSite);
        return source.flavour().covers(link.status().gtidSet(), source.gtidPosition());
    }

    @Override
    public void close() {
        links.forEach(Link::close);
        view.close();
        directory.close();
    }
}
