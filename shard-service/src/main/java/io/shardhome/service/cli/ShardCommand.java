package io.shardhome.service.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shardhome shard ...}: the shard map over the REST API. */
@Command(
        name = "shard",
        description = "List, insert, update, delete, import and re-seed shards of the running service.",
        subcommands = {
            ShardListCommand.class,
            ShardInsertCommand.class,
            ShardUpdateCommand.class,
            ShardDeleteCommand.class,
            ShardDeleteAllCommand.class,
            ShardImportCommand.class,
            ShardReseedCommand.class
        })
final class ShardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
