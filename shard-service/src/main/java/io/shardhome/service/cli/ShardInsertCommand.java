package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shard insert SHARD HOME [--critical]}: adds a shard; refuses to overwrite one. */
@Command(name = "insert", description = "Add a shard; fails if it exists (use 'shard update').")
final class ShardInsertCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SHARD", description = "the shard id (schema name)")
    String shard;

    @Parameters(index = "1", paramLabel = "HOME", description = "its home site, or #LOCAL")
    String home;

    @Option(names = "--critical", description = "apply it serially with respect to all other shards")
    boolean critical;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient.Reply reply = connection
                .client()
                .send(
                        "PUT",
                        "/api/v1/shards/" + Paths.segment(shard),
                        "application/json",
                        ShardJson.body(home, critical),
                        Map.of("If-None-Match", "*"));
        spec.commandLine().getOut().println("inserted " + ShardJson.describe(reply));
        return ShardhomeCli.OK;
    }

    /** JSON helpers shared by the shard commands. */
    static final class ShardJson {
        private ShardJson() {}

        static String body(String home, boolean critical) {
            return ApiClient.JSON
                    .createObjectNode()
                    .put("home", home)
                    .put("critical", critical)
                    .toString();
        }

        static String describe(ApiClient.Reply reply) {
            JsonNode shard = reply.json();
            return shard.path("shard").asText() + " home=" + shard.path("home").asText() + " critical="
                    + shard.path("critical").asBoolean() + " (map version " + Paths.version(reply) + ")";
        }
    }
}
