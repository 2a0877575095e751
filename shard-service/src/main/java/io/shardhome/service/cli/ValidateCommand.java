package io.shardhome.service.cli;

import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardhome validate FILE}: checks a CSV shard map and prints it in canonical form. */
@Command(
        name = "validate",
        description = "Check a CSV shard map; print it sorted and normalised, or every error with line and column.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the shard map (CSV), or - for standard input")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShardMapParseResult result;
        try {
            result = MapFiles.parse(file, System.in);
        } catch (NoSuchFileException e) {
            err.println("shardhome: " + e.getFile() + ": " + e.getReason());
            return ShardhomeCli.USER_ERROR;
        }
        if (!result.isValid()) {
            err.println(result.errorReport());
            err.println(result.source() + ": " + result.errors().size()
                    + " error(s); nothing was accepted. Fix the lines above and run validate again.");
            return ShardhomeCli.USER_ERROR;
        }
        ShardMapCsv.write(result.map(), out);
        out.flush();
        err.println(result.source() + ": valid, " + result.map().size() + " shard(s)");
        return ShardhomeCli.OK;
    }
}
