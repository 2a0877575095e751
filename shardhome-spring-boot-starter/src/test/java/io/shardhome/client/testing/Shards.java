package io.shardhome.client.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shards of the service under test: defined in the directory, the application account's grants at the
 * home (write) and the copy (read), the schema with a table {@code orders} created at the home and seen
 * at the copy; and moves, run through the API to their end.
 */
public final class Shards {
    /** What the application may do on a shard's schema at its home; at a copy it may only read. */
    public static final String HOME_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX";

    private final ShardhomeService service;

    Shards(ShardhomeService service) {
        this.service = service;
    }

    /**
     * Defines {@code shard} at {@code home} with the grants, and (when {@code withTable}) creates its
     * schema and table {@code orders(id, written_by, written_at)} there, waiting for them at the copy.
     */
    public void define(String shard, String home, boolean withTable) {
        String copy = home.equals("nyc") ? "sjc" : "nyc";
        service.admin().put("/api/v1/shards/" + shard, "{\"home\":\"" + home + "\"}");
        String app = "'" + ShardhomeService.APP_USER + "'@'%'";
        site(home).execute("SET sql_log_bin=0", "GRANT " + HOME_PRIVILEGES + " ON `" + shard + "`.* TO " + app);
        site(copy).execute("SET sql_log_bin=0", "GRANT SELECT ON `" + shard + "`.* TO " + app);
        if (withTable) {
            site(home)
                    .execute(
                            "CREATE DATABASE " + shard,
                            "CREATE TABLE " + shard + ".orders (id BIGINT PRIMARY KEY, written_by INT NOT NULL,"
                                    + " written_at DATETIME(6) NOT NULL)");
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> site(copy).count(shard + ".orders") == 0);
        }
    }

    public static MariaDbSite site(String name) {
        return MariaDbSites.get(name);
    }

    /** Moves {@code shard} to {@code to} and waits for the move to end; returns the ended move. */
    public Move move(String shard, String to) {
        String id = service.move(shard, to).path("id").asText();
        AtomicReference<JsonNode> ended = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode move = service.admin().get("/api/v1/moves/" + id);
                    ended.set(move);
                    return !"RUNNING".equals(move.path("outcome").asText());
                });
        return new Move(ended.get());
    }

    /** An ended move as the API shows it. */
    public record Move(JsonNode body) {
        public boolean moved() {
            return "MOVED".equals(body.path("outcome").asText());
        }

        /** When its phase {@code phase} was entered (e.g. FLIPPED: the home changed just before). */
        public Instant entered(String phase) {
            for (JsonNode step : body.path("steps")) {
                if (phase.equals(step.path("phase").asText())) {
                    return Instant.parse(step.path("at").asText());
                }
            }
            throw new AssertionError("move never entered " + phase + ": " + body);
        }

        public String from() {
            return body.path("from").asText();
        }

        public long outageMillis() {
            return body.path("outageMillis").asLong();
        }
    }
}
