package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.client.testing.Orders;
import io.shardhome.client.testing.OrdersApp;
import io.shardhome.client.testing.ShardhomeService;
import io.shardhome.client.testing.Shards;
import io.shardhome.client.testing.SteadyWriter;
import io.shardhome.links.testing.MariaDbSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application on the starter writes one shard steadily while the shard's home moves sjc -> nyc -> sjc
 * through the real service: no write fails, none waits longer than the configured fence wait, nothing is
 * written at the old home once its fence is up, and every acknowledged write is at both sites. Once with
 * the map over the service's HTTP feed (the default), once over ZooKeeper.
 */
class MovesThroughTheStarterIT {
    private static final Duration FENCE_WAIT = Duration.ofSeconds(5);
    private static final int PER_SECOND = 200;

    private static List<String> properties(ShardhomeService service, String mode) {
        List<String> properties = new ArrayList<>(service.clientProperties());
        properties.add("shardhome.client.fence-wait=" + FENCE_WAIT.toMillis() + "ms");
        if (mode.equals("zookeeper")) {
            properties.removeIf(p -> p.startsWith("shardhome.client.url=") || p.startsWith("shardhome.client.token="));
            properties.add("shardhome.client.zookeeper=" + service.zooKeeper());
            properties.add("shardhome.client.cluster=" + service.cluster());
        }
        return properties;
    }

    @ParameterizedTest(name = "map over {0}")
    @ValueSource(strings = {"http", "zookeeper"})
    void writesWaitOutEachFenceAndNeverReachTheOldHomeOnceItIsFenced(String mode) throws Exception {
        ShardhomeService service = ShardhomeService.get();
        String shard = "moving_" + mode;
        service.shards().define(shard, "sjc", true);
        List<Shards.Move> moves = new ArrayList<>();
        List<SteadyWriter.Write> writes;
        try (ConfigurableApplicationContext app = OrdersApp.start(properties(service, mode));
                SteadyWriter writer = SteadyWriter.start(app.getBean(Orders.class), shard, PER_SECOND, 16, 1)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acknowledged() >= PER_SECOND);
            for (String to : List.of("nyc", "sjc")) {
                Shards.Move move = service.shards().move(shard, to);
                assertThat(move.moved()).as("move to %s: %s", to, move.body()).isTrue();
                moves.add(move);
                long target = writer.acknowledged() + PER_SECOND;
                await().atMost(Duration.ofSeconds(60)).until(() -> writer.acknowledged() >= target);
            }
            writer.stop();
            writes = writer.writes();
        }

        assertThat(writes.stream().filter(w -> !w.ok()).map(w -> w.failure().toString()))
                .as("failed writes")
                .isEmpty();
        long slowestMillis = writes.stream()
                        .mapToLong(SteadyWriter.Write::latencyNanos)
                        .max()
                        .orElseThrow()
                / 1_000_000;
        assertThat(slowestMillis).as("slowest write (ms); the moves: %s", moves).isLessThan(FENCE_WAIT.toMillis());
        assertNothingWrittenAtAnOldHomeWhileItWasNotHome(shard, moves);
        assertEveryAcknowledgedWriteAtBothSites(shard, writes);
        assertThat(service.linkState("nyc", "sjc")).isEqualTo("ONLINE");
        assertThat(service.linkState("sjc", "nyc")).isEqualTo("ONLINE");
    }

    /** From the moment a move's fence was complete until the shard came back, its old home took no write. */
    private static void assertNothingWrittenAtAnOldHomeWhileItWasNotHome(String shard, List<Shards.Move> moves) {
        for (int i = 0; i < moves.size(); i++) {
            Shards.Move move = moves.get(i);
            Instant fenced = move.entered("CATCHING_UP");
            Instant back = i + 1 < moves.size()
                    ? moves.get(i + 1).entered("FLIPPED")
                    : Instant.now().plusSeconds(3600);
            MariaDbSite oldHome = Shards.site(move.from());
            String written = oldHome.value("SELECT COUNT(*) FROM " + shard + ".orders WHERE written_by = "
                    + oldHome.serverId() + " AND UNIX_TIMESTAMP(written_at) >= " + seconds(fenced)
                    + " AND UNIX_TIMESTAMP(written_at) < " + seconds(back));
            assertThat(Long.parseLong(written))
                    .as("writes at %s between its fence (%s) and its return (%s)", move.from(), fenced, back)
                    .isZero();
        }
    }

    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }

    private static void assertEveryAcknowledgedWriteAtBothSites(String shard, List<SteadyWriter.Write> writes) {
        Set<Long> acknowledged = writes.stream()
                .filter(SteadyWriter.Write::ok)
                .map(SteadyWriter.Write::id)
                .collect(Collectors.toSet());
        for (String site : ShardhomeService.SITES) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<Long> present = Shards.site(site).rows("SELECT id FROM " + shard + ".orders").stream()
                        .map(row -> Long.parseLong(row.get(0)))
                        .collect(Collectors.toSet());
                assertThat(present).as("orders at %s", site).containsAll(acknowledged);
            });
        }
    }
}
