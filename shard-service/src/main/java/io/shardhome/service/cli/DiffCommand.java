package io.shardhome.service.cli;

import io.shardhome.filter.csv.ShardMapParseResult;
import io.shardhome.filter.map.ShardMapDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardhome diff OLD NEW}: what replacing one shard map by another would change. */
@Command(name = "diff", description = "Show the shards added, removed and changed between two CSV shard maps.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "the current shard map (CSV)")
    String oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "the proposed shard map (CSV)")
    String newFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShardMapParseResult before;
        ShardMapParseResult after;
        try {
            before = MapFiles.parse(oldFile, System.in);
            after = MapFiles.parse(newFile, System.in);
        } catch (NoSuchFileException e) {
            err.println("shardhome: " + e.getFile() + ": " + e.getReason());
            return ShardhomeCli.USER_ERROR;
        }
        if (!before.isValid() || !after.isValid()) {
            for (ShardMapParseResult r : new ShardMapParseResult[] {before, after}) {
                if (!r.isValid()) {
                    err.println(r.errorReport());
                }
            }
            err.println("shardhome: fix the errors above; no diff computed");
            return ShardhomeCli.USER_ERROR;
        }
        ShardMapDiff diff = ShardMapDiff.between(before.map(), after.map());
        diff.describe().forEach(out::println);
        out.println(diff.summary());
        return ShardhomeCli.OK;
    }
}
