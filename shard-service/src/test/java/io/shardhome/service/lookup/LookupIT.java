package io.shardhome.service.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

class LookupIT extends ServiceTestSupport {

    @Test
    void lookupAnswersTheHomeMasterWithAJdbcUrl() {
        String shard = uniqueShard("shop");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"sjc\",\"critical\":true}");

        Api.Reply reply = reader.get("/api/v1/lookup/" + shard);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("shard").asText()).isEqualTo(shard);
        assertThat(body.path("home").asText()).isEqualTo("sjc");
        assertThat(body.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("critical").asBoolean()).isTrue();
        assertThat(body.path("mapVersion").asLong()).isPositive();
        assertThat(body.path("master").path("site").asText()).isEqualTo("sjc");
        assertThat(body.path("master").path("port").asInt()).isEqualTo(3307);
        assertThat(body.path("master").path("jdbcUrl").asText()).isEqualTo("jdbc:mysql://127.0.0.1:3307/" + shard);
    }

    @Test
    void lookupSeesAHomeChangeAsSoonAsTheWriteReturns() {
        String shard = uniqueShard("mover");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"sjc\"}");

        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\"}");

        assertThat(reader.get("/api/v1/lookup/" + shard).json().path("home").asText())
                .isEqualTo("nyc");
    }

    @Test
    void localShardHasNoMaster() {
        String shard = uniqueShard("scratch");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"#LOCAL\"}");

        JsonNode body = reader.get("/api/v1/lookup/" + shard).json();

        assertThat(body.path("home").asText()).isEqualTo("#LOCAL");
        assertThat(body.path("master").isNull()).isTrue();
    }

    @Test
    void unknownShardIs404WithAStableCode() {
        Api.Reply reply = reader.get("/api/v1/lookup/nobody_here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("SHARD_NOT_FOUND");
        assertThat(reply.json().path("detail").asText()).contains("nobody_here");
    }
}
