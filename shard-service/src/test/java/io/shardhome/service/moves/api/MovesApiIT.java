package io.shardhome.service.moves.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The move API's refusals, without site masters (the full move runs in LinkHostingIT). */
class MovesApiIT extends ServiceTestSupport {

    private Api.Reply move(Api api, String json) {
        return api.send("POST", "/api/v1/moves", "application/json", json);
    }

    @Test
    void moveOfAnUnknownShardIs422() {
        Api.Reply refused = move(admin, "{\"shard\":\"no_such_shard\",\"to\":\"nyc\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("UNKNOWN_SHARD");
    }

    @Test
    void moveToWhereTheShardAlreadyIsIs409() {
        String shard = uniqueShard("athome");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"sjc\"}");

        Api.Reply refused = move(admin, "{\"shard\":\"" + shard + "\",\"to\":\"sjc\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NOT_MOVABLE");
    }

    @Test
    void moveWithoutAReadyLinkIsRefusedAndChangesNothing() {
        String shard = uniqueShard("stuck");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"sjc\"}");

        Api.Reply refused = move(admin, "{\"shard\":\"" + shard + "\",\"to\":\"nyc\"}");

        assertThat(refused.status()).isIn(409, 422);
        assertThat(refused.code()).isIn("LINK_NOT_READY", "UNKNOWN_SITE");
        assertThat(reader.get("/api/v1/lookup/" + shard).json().path("home").asText())
                .isEqualTo("sjc");
        assertThat(reader.get("/api/v1/lookup/" + shard).json().path("state").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void badBodyUnknownMoveAndReaderAreRefused() {
        assertThat(move(admin, "{\"shard\":\"x\"}").status()).isEqualTo(400);
        assertThat(reader.get("/api/v1/moves/nothing-123").code()).isEqualTo("MOVE_NOT_FOUND");
        assertThat(move(reader, "{\"shard\":\"x\",\"to\":\"nyc\"}").status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/moves").status()).isEqualTo(200);
    }

    @Test
    void cliMoveOfAnUnknownShardIsAUserError() {
        StringWriter err = new StringWriter();

        int code = ShardhomeCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                "move",
                "no_such_shard",
                "--to",
                "nyc",
                "--wait",
                "--url=http://127.0.0.1:" + port,
                "--token=" + ADMIN_TOKEN);

        assertThat(code).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("UNKNOWN_SHARD");
    }
}
