package io.shardhome.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.client.testing.ShardhomeService;
import io.shardhome.client.testing.Shards;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as a user runs it, against the real packaged service, real MariaDB sites nyc
 * and sjc and a real ZooKeeper: customers are shards; Flyway created each customer's table at its home at
 * start-up; it keeps serving while a customer's home moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotesExampleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void shardhome(DynamicPropertyRegistry registry) {
        ShardhomeService service = ShardhomeService.get();
        service.shards().define("globex", "sjc", false);
        service.shards().define("initech", "nyc", false);
        for (String property : service.clientProperties()) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void flywayCreatedEachCustomersTableAtItsHomeAndTheLinksCarriedItToTheCopy() {
        String migrated = "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME='note' AND TABLE_SCHEMA=";
        assertThat(Shards.site("sjc").value(migrated + "'globex'")).isEqualTo("1");
        assertThat(Shards.site("nyc").value(migrated + "'initech'")).isEqualTo("1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "1".equals(Shards.site("nyc").value(migrated + "'globex'")));
        assertThat(Shards.site("sjc")
                        .value("SELECT COUNT(*) FROM globex.flyway_schema_history WHERE success=1 AND version='1'"))
                .isEqualTo("1");
    }

    @Test
    void aNoteIsWrittenAtTheCustomersHomeAndReadBackFromTheFreshLocalCopy() throws Exception {
        HttpResponse<String> written = send("POST", "/customers/globex/notes", "text=renew+the+contract");
        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(json(written).path("site").asText()).isEqualTo("sjc");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode read = json(send("GET", "/customers/globex/notes", null));
            assertThat(read.path("site").asText()).isEqualTo("nyc");
            assertThat(read.path("notes").findValuesAsText("text")).contains("renew the contract");
        });
    }

    @Test
    void anUnknownCustomerOrAnEmptyNoteIsAClearError() throws Exception {
        HttpResponse<String> unknown = send("GET", "/customers/nobody/notes", null);
        HttpResponse<String> empty = send("POST", "/customers/globex/notes", "text=+");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).contains("'nobody' is not in shard map");
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void theApplicationKeepsServingWhileACustomersHomeMoves() throws Exception {
        CompletableFuture<HttpResponse<String>> traffic = CompletableFuture.supplyAsync(() -> {
            try {
                return send("POST", "/customers/initech/traffic?seconds=8&perSecond=50", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> Shards.site("nyc").count("initech.note") >= 50);
        Shards.Move move = ShardhomeService.get().shards().move("initech", "sjc");
        JsonNode summary = json(traffic.get(60, TimeUnit.SECONDS));

        assertThat(move.moved()).as("%s", move.body()).isTrue();
        assertThat(summary.path("failed").asInt()).as("%s", summary).isZero();
        assertThat(summary.path("writes").asInt()).isGreaterThan(300);
        assertThat(summary.path("bySite").path("nyc").asInt()).isPositive();
        assertThat(summary.path("bySite").path("sjc").asInt()).isPositive();
    }
}
