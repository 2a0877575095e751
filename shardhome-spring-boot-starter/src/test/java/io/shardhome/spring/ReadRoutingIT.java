package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.client.testing.Orders;
import io.shardhome.client.testing.OrdersApp;
import io.shardhome.client.testing.ServiceHttp;
import io.shardhome.client.testing.ShardhomeService;
import io.shardhome.client.testing.Shards;
import io.shardhome.directory.client.AccessMode;
import io.shardhome.directory.client.ShardContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only work of an application at nyc on a shard homed at sjc: served by nyc's copy while the link
 * sjc->nyc is ONLINE and not behind, by the home sjc while the link is stopped; writes always at sjc.
 */
class ReadRoutingIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void readOnlyWorkUsesTheLocalCopyOnlyWhileItsLinkIsOnlineAndCaughtUp() throws Exception {
        ShardhomeService service = ShardhomeService.get();
        String shard = "reads_at_copy";
        service.shards().define(shard, "sjc", true);
        int nyc = Shards.site("nyc").serverId();
        int sjc = Shards.site("sjc").serverId();
        try (ConfigurableApplicationContext app = OrdersApp.start(service.clientProperties())) {
            Orders orders = app.getBean(Orders.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            assertThat(orders.add(shard, 1)).isEqualTo(sjc);
            await().atMost(PATIENCE).until(() -> orders.readFrom(shard) == nyc);
            int explicit = ShardContext.call(
                    shard, AccessMode.READ_ONLY, () -> jdbc.queryForObject("SELECT @@server_id", Integer.class));
            assertThat(explicit).isEqualTo(nyc);

            String link = "/api/v1/links/" + ServiceHttp.link("sjc", "nyc");
            try {
                service.admin().post(link + "/offline", null);
                await().atMost(PATIENCE).until(() -> orders.readFrom(shard) == sjc);
                assertThat(orders.add(shard, 2)).isEqualTo(sjc);
            } finally {
                service.admin().post(link + "/online", null);
                await().atMost(PATIENCE).until(() -> "ONLINE".equals(service.linkState("sjc", "nyc")));
            }
            await().atMost(PATIENCE).until(() -> orders.readFrom(shard) == nyc);
            assertThat(orders.count(shard)).isEqualTo(2);
        }
    }
}
