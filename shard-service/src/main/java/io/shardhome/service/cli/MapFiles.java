package io.shardhome.service.cli;

import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads shard map files named on the command line; {@code -} is standard input. */
final class MapFiles {
    private MapFiles() {}

    static ShardMapParseResult parse(String name, InputStream stdin) throws IOException {
        if ("-".equals(name)) {
            return ShardMapCsv.parse("<stdin>", stdin);
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(name, null, "no such file; give the path of a CSV shard map or - for stdin");
        }
        return ShardMapCsv.parse(file);
    }
}
