package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;

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
                .containsPattern("sjc->nyc\\s+OFFLINE:ERROR\\s+7\\s+3")
                .contains("\"lagSeconds\" : 7");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
