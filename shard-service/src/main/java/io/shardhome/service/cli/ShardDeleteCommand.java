package io.shardhome.service.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shard delete SHARD...}: removes shards from the map (their data stays where it is). */
@Command(name = "delete", description = "Remove shards from the map; the schemas' data is not touched.")
final class ShardDeleteCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "shard ids")
    List<String> shards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient api = connection.client();
        for (String shard : shards) {
            ApiClient.Reply reply = api.send("DELETE", "/api/v1/shards/" + Paths.segment(shard), null, null, Map.of());
            spec.commandLine().getOut().println("deleted " + shard + " (map version " + Paths.version(reply) + ")");
        }
        return ShardhomeCli.OK;
    }
}
