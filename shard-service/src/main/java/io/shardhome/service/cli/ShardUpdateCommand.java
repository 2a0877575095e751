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

/**
 * {@code shard update SHARD [--home H] [--critical true|false]}: changes an existing shard. It reads the
 * shard first and writes with If-Match, so a concurrent change is reported instead of overwritten.
 */
@Command(name = "update", description = "Change an existing shard's home and/or critical flag.")
final class ShardUpdateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SHARD", description = "the shard id")
    String shard;

    @Option(names = "--home", description = "the new home site, or #LOCAL")
    String home;

    @Option(names = "--critical", arity = "1", paramLabel = "true|false", description = "the new critical flag")
    Boolean critical;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (home == null && critical == null) {
            throw CliFailure.user("nothing to change: give --home and/or --critical");
        }
        ApiClient api = connection.client();
        String path = "/api/v1/shards/" + Paths.segment(shard);
        ApiClient.Reply current = api.get(path);
        JsonNode before = current.json();
        String newHome = home != null ? home : before.path("home").asText();
        boolean newCritical =
                critical != null ? critical : before.path("critical").asBoolean();
        ApiClient.Reply reply = api.send(
                "PUT",
                path,
                "application/json",
                ShardInsertCommand.ShardJson.body(newHome, newCritical),
                Map.of("If-Match", current.header("ETag")));
        spec.commandLine().getOut().println("updated " + ShardInsertCommand.ShardJson.describe(reply));
        return ShardhomeCli.OK;
    }
}
