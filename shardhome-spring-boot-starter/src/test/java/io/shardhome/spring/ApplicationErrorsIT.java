package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.testing.Orders;
import io.shardhome.client.testing.OrdersApp;
import io.shardhome.client.testing.ShardhomeService;
import io.shardhome.client.testing.Shards;
import io.shardhome.directory.client.CrossShardException;
import io.shardhome.directory.client.ShardFencedException;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an application sees when it, its configuration or a move does something unexpected. */
class ApplicationErrorsIT {
    private static final Duration FENCE_WAIT = Duration.ofMillis(800);
    private static ShardhomeService service;
    private static ConfigurableApplicationContext app;
    private static Orders orders;

    @BeforeAll
    static void start() {
        service = ShardhomeService.get();
        service.shards().define("span_a", "nyc", true);
        service.shards().define("span_b", "nyc", true);
        service.shards().define("fenced_long", "sjc", true);
        List<String> properties = new ArrayList<>(service.clientProperties());
        properties.add("shardhome.client.fence-wait=" + FENCE_WAIT.toMillis() + "ms");
        app = OrdersApp.start(properties);
        orders = app.getBean(Orders.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTransactionThatReachesForASecondShardFailsAsAWholeNamingBothShards() {
        assertThatThrownBy(() -> orders.addToTwoShards("span_a", "span_b", 1))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(CrossShardException.class)
                        .hasMessageContaining("'span_a'")
                        .hasMessageContaining("'span_b'"));

        assertThat(Shards.site("nyc").count("span_a.orders")).isZero();
        assertThat(Shards.site("nyc").count("span_b.orders")).isZero();
    }

    @Test
    void workWithoutAShardOrOnAnUnknownOneIsAClearError() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

        assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
                .hasMessageContaining("no current shard on this thread");
        assertThatThrownBy(() -> orders.add("nobody_here", 1))
                .hasMessageContaining("'nobody_here' is not in shard map");
        assertThatThrownBy(() -> orders.add(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@ShardId");
    }

    @Test
    void aFenceThatOutlastsTheWaitFailsWithTheRetryableNamedExceptionAndWritesResumeAfterIt() throws Exception {
        setState("fenced_long", ShardState.FENCED, "nyc");
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> orders.add("fenced_long", 1))
                    .isInstanceOf(TransientDataAccessException.class)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                            .isInstanceOf(ShardFencedException.class)
                            .hasMessageContaining("waited"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(FENCE_WAIT);
            assertThat(orders.readFrom("fenced_long")).isPositive();
        } finally {
            setState("fenced_long", ShardState.ACTIVE, "");
        }
        assertThat(orders.add("fenced_long", 2)).isEqualTo(Shards.site("sjc").serverId());
    }

    @Test
    void aRefusedTokenOrAnUnreachableServiceFailsStartUpSayingWhatToFix() throws Exception {
        List<String> badToken = new ArrayList<>(service.clientProperties());
        badToken.replaceAll(p -> p.startsWith("shardhome.client.token=") ? "shardhome.client.token=wrong" : p);
        badToken.add("shardhome.client.start-timeout=3s");
        assertThatThrownBy(() -> OrdersApp.start(badToken))
                .satisfies(
                        e -> assertThat(rootClientException(e).code()).isEqualTo(ShardhomeClientException.Code.REFUSED))
                .satisfies(e -> assertThat(rootClientException(e)).hasMessageContaining("shardhome.client.token"));

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> nobody = new ArrayList<>(service.clientProperties());
        nobody.replaceAll(
                p -> p.startsWith("shardhome.client.url=") ? "shardhome.client.url=http://127.0.0.1:" + closed : p);
        nobody.add("shardhome.client.start-timeout=2s");
        assertThatThrownBy(() -> OrdersApp.start(nobody))
                .satisfies(e ->
                        assertThat(rootClientException(e).code()).isEqualTo(ShardhomeClientException.Code.UNAVAILABLE))
                .satisfies(e -> assertThat(rootClientException(e)).hasMessageContaining("127.0.0.1:" + closed));

        List<String> both = new ArrayList<>(service.clientProperties());
        both.add("shardhome.client.zookeeper=" + service.zooKeeper());
        assertThatThrownBy(() -> OrdersApp.start(both))
                .satisfies(e -> assertThat(rootClientException(e).code())
                        .isEqualTo(ShardhomeClientException.Code.INVALID_CONFIG));
    }

    private static ShardhomeClientException rootClientException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShardhomeClientException client) {
                return client;
            }
        }
        throw new AssertionError("no ShardhomeClientException in", e);
    }

    /** Sets a shard's state in the directory itself, as a move does (here: a fence that lasts). */
    private static void setState(String shard, ShardState state, String target) {
        try (CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(service.zooKeeper()))) {
            DirectoryStore store =
                    new DirectoryStore(client, DirectoryLayout.forCluster(service.cluster()), StoreOptions.defaults());
            store.setShardState(shard, state, target, store.version());
        }
    }
}
