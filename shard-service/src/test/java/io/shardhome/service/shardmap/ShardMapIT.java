package io.shardhome.service.shardmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

/** Replace and merge are global, so each test states the whole map it needs. */
class ShardMapIT extends ServiceTestSupport {
    private static final String HEADER = "shard_id master critical\n";

    @Test
    void exportIsCsvWithVersionAndImportsBackUnchanged() {
        admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc false\npinnacle nyc true\n");

        Api.Reply export = reader.get("/api/v1/shard-map");
        Api.Reply again = admin.putCsv("/api/v1/shard-map", export.body());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.body()).startsWith("# version: ").contains("acme", "pinnacle");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("applied").asBoolean()).isFalse();
        assertThat(again.json().path("summary").asText()).isEqualTo("no changes");
    }

    @Test
    void replaceRemovesShardsMissingFromTheFile() {
        admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc false\nold nyc false\n");

        JsonNode result = admin.putCsv("/api/v1/shard-map", HEADER + "acme nyc false\nfresh sjc true\n")
                .json();

        assertThat(result.path("applied").asBoolean()).isTrue();
        assertThat(result.path("changes").toString())
                .contains("+ fresh sjc true", "- old nyc false", "~ acme sjc false -> nyc false");
        assertThat(reader.get("/api/v1/shards/old").status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/lookup/fresh").json().path("home").asText())
                .isEqualTo("sjc");
    }

    @Test
    void mergeKeepsShardsMissingFromTheFile() {
        admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc false\nkept nyc false\n");

        JsonNode result =
                admin.postCsv("/api/v1/shard-map", HEADER + "acme nyc false\n").json();

        assertThat(result.path("summary").asText()).isEqualTo("+0 added, -0 removed, ~1 changed");
        assertThat(reader.get("/api/v1/shards/kept").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/shards/acme").json().path("home").asText())
                .isEqualTo("nyc");
    }

    @Test
    void dryRunReturnsTheDiffAndChangesNothing() {
        admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc false\n");
        String before = reader.get("/api/v1/shard-map").body();

        JsonNode preview = admin.putCsv("/api/v1/shard-map?dryRun=true", HEADER + "acme nyc false\nnewbie sjc false\n")
                .json();

        assertThat(preview.path("dryRun").asBoolean()).isTrue();
        assertThat(preview.path("applied").asBoolean()).isFalse();
        assertThat(preview.path("added").get(0).path("shard").asText()).isEqualTo("newbie");
        assertThat(preview.path("changed").get(0).path("after").path("home").asText())
                .isEqualTo("nyc");
        assertThat(reader.get("/api/v1/shard-map").body()).isEqualTo(before);
    }

    @Test
    void badFileIs400ListingEveryErrorWithLineAndColumnAndChangesNothing() {
        admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc false\n");
        String before = reader.get("/api/v1/shard-map").body();

        Api.Reply refused = admin.putCsv("/api/v1/shard-map", HEADER + "acme sjc yes\nacme nyc false\nx-y sjc false\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_MAP");
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(errors.get(0).path("column").asInt()).isPositive();
        assertThat(errors.get(0).path("message").asText()).contains("yes");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(3);
        assertThat(errors.get(2).path("line").asInt()).isEqualTo(4);
        assertThat(reader.get("/api/v1/shard-map").body()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheirLineAndColumnLikeInTheCli() {
        byte[] good = (HEADER + "acme sjc false\ncaf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 11);
        System.arraycopy(
                new byte[] {(byte) 0xE9, ' ', 'n', 'y', 'c', ' ', 'f', 'a', 'l', 's', 'e'}, 0, bytes, good.length, 11);

        Api.Reply refused = admin.sendBytes("POST", "/api/v1/shard-map", "text/csv", bytes);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_MAP");
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").asInt()).isEqualTo(4);
        assertThat(error.path("message").asText()).contains("0xE9").contains("UTF-8");
        assertThat(reader.get("/api/v1/shards/caf\uFFFD").status()).isIn(400, 404);
    }

    @Test
    void aMapOverTheSizeLimitIs413AndChangesNothing() {
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; big.length() <= MAX_IMPORT_BYTES; i++) {
            big.append("bulky_").append(i).append(" sjc false\n");
        }
        String before = reader.get("/api/v1/shard-map").body();

        Api.Reply refused = admin.postCsv("/api/v1/shard-map", big.toString());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.json().path("detail").asText()).contains(String.valueOf(MAX_IMPORT_BYTES));
        assertThat(reader.get("/api/v1/shard-map").body()).isEqualTo(before);
    }

    @Test
    void manyErrorsAreListedUpToTheLimitWithTheTotal() {
        StringBuilder bad = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            bad.append("bad-").append(i).append(" sjc false\n");
        }

        Api.Reply refused = admin.postCsv("/api/v1/shard-map", bad.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).hasSize(MAX_LISTED_ERRORS);
        assertThat(refused.json().path("totalErrors").asInt()).isEqualTo(12);
        assertThat(refused.json().path("detail").asText()).contains("12 error(s) (the first 5 are listed)");
    }

    @Test
    void systemSchemasAndTheCatalogAreRefusedAsShardIds() {
        Api.Reply csv = admin.postCsv("/api/v1/shard-map", HEADER + "mysql sjc false\nshardhome nyc false\n");
        Api.Reply put = admin.putJson("/api/v1/shards/information_schema", "{\"home\":\"sjc\"}");

        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().path("errors").toString()).contains("'mysql' is a system schema", "'shardhome'");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().path("detail").asText()).contains("system schema");
        assertThat(reader.get("/api/v1/shards/mysql").status()).isEqualTo(404);
    }

    @Test
    void importHomingShardsAtUnknownSitesIs422() {
        Api.Reply refused = admin.postCsv("/api/v1/shard-map", HEADER + "acme atlantis false\n");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("UNKNOWN_SITE");
        assertThat(refused.json().path("detail").asText()).contains("atlantis");
    }

    @Test
    void importWithStaleIfMatchIs412() {
        String etag = reader.get("/api/v1/shard-map").header("ETag");
        admin.putJson("/api/v1/shards/" + uniqueShard("bump"), "{\"home\":\"sjc\"}");

        Api.Reply refused = admin.withHeader("If-Match", etag).postCsv("/api/v1/shard-map", HEADER + "z sjc false\n");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(reader.get("/api/v1/shards/z").status()).isEqualTo(404);
    }
}
