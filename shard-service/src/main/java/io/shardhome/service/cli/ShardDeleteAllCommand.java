package io.shardhome.service.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shard delete-all --yes}: empties the map in one atomic change. */
@Command(name = "delete-all", description = "Remove every shard from the map in one change (needs --yes).")
final class ShardDeleteAllCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--yes", description = "confirm: links then treat every schema as an unknown shard")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!yes) {
            throw CliFailure.user(
                    "delete-all removes every shard; save the map first ('shard list > map.csv') and run it again"
                            + " with --yes");
        }
        ApiClient.Reply reply = connection
                .client()
                .send("PUT", "/api/v1/shard-map", "text/csv", "shard_id master critical\n", Map.of());
        ImportOutput.print(reply.json(), spec.commandLine().getOut());
        return ShardhomeCli.OK;
    }
}
