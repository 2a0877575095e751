package io.shardhome.service.shards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

class ShardsIT extends ServiceTestSupport {

    private Api.Reply put(String shard, String home, boolean critical) {
        return admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"" + home + "\",\"critical\":" + critical + "}");
    }

    @Test
    void createdShardIsReadBackWithTheMapVersionAsETag() {
        String shard = uniqueShard("acme");

        Api.Reply created = put(shard, "sjc", true);
        Api.Reply read = reader.get("/api/v1/shards/" + shard);

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("home").asText()).isEqualTo("sjc");
        assertThat(read.json().path("critical").asBoolean()).isTrue();
        assertThat(read.json().path("state").asText()).isEqualTo("ACTIVE");
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag")).matches("\"\\d+\"");
    }

    @Test
    void updateWithCurrentETagSucceedsAndReturnsTheNewVersion() {
        String shard = uniqueShard("upd");
        put(shard, "sjc", false);
        String etag = reader.get("/api/v1/shards/" + shard).header("ETag");

        Api.Reply updated = admin.withHeader("If-Match", etag)
                .putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\",\"critical\":false}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("home").asText()).isEqualTo("nyc");
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        assertThat(reader.get("/api/v1/shards/" + shard).json().path("home").asText())
                .isEqualTo("nyc");
    }

    @Test
    void staleIfMatchIsRejectedWith412NamingTheCurrentVersionAndChangesNothing() {
        String shard = uniqueShard("stale");
        put(shard, "sjc", false);
        String staleEtag = reader.get("/api/v1/shards/" + shard).header("ETag");
        put(uniqueShard("other"), "nyc", false);

        Api.Reply refused =
                admin.withHeader("If-Match", staleEtag).putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\"}");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(refused.json().path("currentVersion").asLong())
                .isGreaterThan(Long.parseLong(staleEtag.replace("\"", "")));
        assertThat(refused.json().path("detail").asText()).contains("read the resource again");
        assertThat(reader.get("/api/v1/shards/" + shard).json().path("home").asText())
                .isEqualTo("sjc");
    }

    @Test
    void staleIfMatchOnDeleteIsRejectedWith412() {
        String shard = uniqueShard("staledel");
        put(shard, "sjc", false);
        String staleEtag = reader.get("/api/v1/shards/" + shard).header("ETag");
        put(uniqueShard("other"), "nyc", false);

        assertThat(admin.withHeader("If-Match", staleEtag)
                        .delete("/api/v1/shards/" + shard)
                        .status())
                .isEqualTo(412);
        assertThat(reader.get("/api/v1/shards/" + shard).status()).isEqualTo(200);
    }

    @Test
    void creatingAShardOnAnUnknownSiteIs422NamingTheSite() {
        Api.Reply refused = put(uniqueShard("nowhere"), "atlantis", false);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("UNKNOWN_SITE");
        assertThat(refused.json().path("detail").asText()).contains("atlantis");
    }

    @Test
    void invalidShardIdIs400() {
        Api.Reply refused = put("bad-name", "sjc", false);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_INPUT");
        assertThat(refused.json().path("detail").asText()).contains("bad-name");
    }

    @Test
    void missingHomeIs400ListingTheField() {
        Api.Reply refused = admin.putJson("/api/v1/shards/" + uniqueShard("nohome"), "{\"critical\":true}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_INPUT");
        assertThat(refused.json().path("errors").toString()).contains("home");
    }

    @Test
    void unknownShardIs404ForGetAndDelete() {
        assertThat(reader.get("/api/v1/shards/no_such_shard").code()).isEqualTo("SHARD_NOT_FOUND");
        assertThat(admin.delete("/api/v1/shards/no_such_shard").status()).isEqualTo(404);
    }

    @Test
    void ifNoneMatchStarRefusesToOverwriteAnExistingShard() {
        String shard = uniqueShard("once");
        put(shard, "sjc", false);

        Api.Reply refused =
                admin.withHeader("If-None-Match", "*").putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SHARD_EXISTS");
    }

    @Test
    void deleteRemovesTheShard() {
        String shard = uniqueShard("gone");
        put(shard, "sjc", false);

        assertThat(admin.delete("/api/v1/shards/" + shard).status()).isEqualTo(204);
        assertThat(reader.get("/api/v1/shards/" + shard).status()).isEqualTo(404);
    }

    @Test
    void listingFiltersByHomeAndTextAndPages() {
        String prefix = uniqueShard("paged");
        for (int i = 0; i < 5; i++) {
            put(prefix + "_" + i, i % 2 == 0 ? "sjc" : "nyc", false);
        }

        JsonNode firstPage = reader.get("/api/v1/shards?q=" + prefix + "&home=sjc&size=2&page=0")
                .json();
        JsonNode secondPage = reader.get("/api/v1/shards?q=" + prefix + "&home=sjc&size=2&page=1")
                .json();

        assertThat(firstPage.path("total").asInt()).isEqualTo(3);
        assertThat(firstPage.path("items")).hasSize(2);
        assertThat(firstPage.path("items").get(0).path("shard").asText()).isEqualTo(prefix + "_0");
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(secondPage.path("items").get(0).path("shard").asText()).isEqualTo(prefix + "_4");
    }
}
