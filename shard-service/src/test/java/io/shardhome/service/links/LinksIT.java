package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import io.shardhome.service.testing.SharedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

/** Statuses published in the directory by whichever instance runs a link are served by every instance. */
class LinksIT extends ServiceTestSupport {

    private static void publish(String key, String json) {
        try (CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(SharedZooKeeper.connectString()))) {
            new LinkStatusStore(client, DirectoryLayout.forCluster("it"))
                    .publish(key, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void publishedLinkStatusIsListedAndReadableByEitherIdSpelling() {
        publish("nyc.sjc", "{\"state\":\"ONLINE\",\"lagSeconds\":0,\"applied\":42}");

        Api.Reply list = reader.get("/api/v1/links");
        Api.Reply one = reader.get("/api/v1/links/nyc-%3Esjc");
        Api.Reply dotted = reader.get("/api/v1/links/nyc.sjc");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).contains("nyc->sjc");
        assertThat(one.json().path("id").asText()).isEqualTo("nyc->sjc");
        assertThat(one.json().path("status").path("state").asText()).isEqualTo("ONLINE");
        assertThat(one.json().path("status").path("applied").asLong()).isEqualTo(42);
        assertThat(dotted.json().path("id").asText()).isEqualTo("nyc->sjc");
    }

    @Test
    void statusWhosePublisherIsGoneIsStaleWithItsAgeAndTheReason() {
        long publishedAt = System.currentTimeMillis() - 3_000;
        publish("lon.par", "{\"state\":\"ONLINE\",\"lagSeconds\":0,\"publishedAtMillis\":" + publishedAt + "}");

        JsonNode link = reader.get("/api/v1/links/lon-%3Epar").json();

        assertThat(link.path("stale").asBoolean()).isTrue();
        assertThat(link.path("staleReason").asText()).contains("no running instance runs this link");
        assertThat(link.path("ageMillis").asLong()).isGreaterThanOrEqualTo(3_000);
        assertThat(Instant.parse(link.path("publishedAt").asText()).toEpochMilli())
                .isEqualTo(publishedAt);
        assertThat(link.path("runningIn").asText()).isEmpty();
    }

    @Test
    void historyHasTheSampledLagOfEveryPublishedLink() {
        publish("par.lon", "{\"state\":\"OFFLINE\",\"lagSeconds\":12,\"lagTransactions\":5}");

        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.get("/api/v1/links/history")
                .json()
                .path("links")
                .path("par->lon")
                .isEmpty());
        JsonNode history = reader.get("/api/v1/links/history").json();
        JsonNode last = history.path("links").path("par->lon").get(0);

        assertThat(history.path("windowMillis").asLong()).isEqualTo(3_600_000);
        assertThat(last.path("state").asText()).isEqualTo("OFFLINE");
        assertThat(last.path("lagSeconds").asLong()).isEqualTo(12);
        assertThat(last.path("lagTransactions").asLong()).isEqualTo(5);
        assertThat(last.path("stale").asBoolean()).isTrue();
        long t = last.path("t").asLong();
        assertThat(reader.get("/api/v1/links/history?after=" + t)
                        .json()
                        .path("links")
                        .path("par->lon")
                        .findValues("t"))
                .allSatisfy(later -> assertThat(later.asLong()).isGreaterThan(t));
        assertThat(reader.get("/actuator/prometheus").body())
                .containsPattern("shardhome_link_status_stale\\{[^}]*link=\"par->lon\"[^}]*\\} 1.0");
    }

    @Test
    void unknownLinkIs404() {
        Api.Reply missing = reader.get("/api/v1/links/sjc-%3Elon");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("LINK_NOT_FOUND");
    }

    @Test
    void malformedLinkIdIs400SayingHowToWriteOne() {
        Api.Reply malformed = reader.get("/api/v1/links/nyc-sjc");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("INVALID_INPUT");
        assertThat(malformed.body()).contains("write source->target or source.target");
    }

    @Test
    void cliShowsOneLinePerLinkAndTheFullStatusOfOne() {
        publish("sjc.nyc", "{\"state\":\"OFFLINE:ERROR\",\"lagSeconds\":7,\"applied\":3}");
        StringWriter out = new StringWriter();
        String[] connection = {"--url=http://127.0.0.1:" + port, "--token=" + READER_TOKEN};

        int all = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                concat(new String[] {"link", "status"}, connection));
        int one = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                concat(new String[] {"link", "status", "sjc->nyc"}, connection));
        int missing = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                concat(new String[] {"link", "status", "lon->nyc"}, connection));

        assertThat(all).isZero();
        assertThat(one).isZero();
        assertThat(missing).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(out.toString())
                .containsPattern("sjc->nyc\\s+OFFLINE:ERROR\\s+7\\s+3\\s+never\\s+STALE")
                .contains("sjc->nyc is STALE (its state and lag are the last known): no running instance")
                .contains("\"lagSeconds\" : 7");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
