package io.shardhome.service.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shard import --replace|--merge [--dry-run] [FILE]}: sends a CSV map; all or nothing. Reads
 * standard input when FILE is absent or {@code -}.
 */
@Command(name = "import", description = "Replace or merge the shard map from CSV (stdin by default).")
final class ShardImportCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @ArgGroup(multiplicity = "1")
    Mode mode;

    @Option(names = "--dry-run", description = "show what would change and change nothing")
    boolean dryRun;

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE", description = "CSV map or -")
    String file;

    @Spec
    CommandSpec spec;

    static final class Mode {
        @Option(names = "--replace", required = true, description = "the file becomes the whole map")
        boolean replace;

        @Option(names = "--merge", required = true, description = "add or change the file's shards, keep others")
        boolean merge;
    }

    @Override
    public Integer call() {
        String csv = read(file, System.in);
        String path = "/api/v1/shard-map" + (dryRun ? "?dryRun=true" : "");
        ApiClient.Reply reply =
                connection.client().send(mode.replace ? "PUT" : "POST", path, "text/csv; charset=UTF-8", csv, Map.of());
        ImportOutput.print(reply.json(), spec.commandLine().getOut());
        return ShardhomeCli.OK;
    }

    static String read(String name, InputStream stdin) {
        try {
            if ("-".equals(name)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path path = Path.of(name);
            if (!Files.isRegularFile(path)) {
                throw CliFailure.user(name + ": no such file; give the path of a CSV shard map or - for stdin");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ShardhomeCli.USER_ERROR, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
