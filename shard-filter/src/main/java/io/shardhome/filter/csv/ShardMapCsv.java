package io.shardhome.filter.csv;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV shard maps in the format of the seed article. Stateless and thread-safe.
 *
 * <pre>
 * # version: 7
 * shard_id master critical
 * acme     sjc    false
 * scratch  #LOCAL false
 * </pre>
 *
 * <ul>
 *   <li>The first line that is neither blank nor a comment is the header; it names the columns {@code
 *       shard_id}, {@code master} and {@code critical} (case-insensitive) in any order, each once.
 *   <li>Fields are separated by any run of whitespace and commas; {@code critical} is {@code true} or
 *       {@code false}, case-insensitive; {@code master} is a site name or {@code #LOCAL}.
 *   <li>Blank lines are skipped, so are comment lines: lines whose first non-blank character is
 *       {@code #}. After the last column a field starting with {@code #} begins a trailing comment;
 *       {@code #LOCAL} in the master column is a value, not a comment.
 *   <li>The comment line {@code # version: N} gives the map's version (at most once, anywhere); without
 *       it the version is 0. {@link #write} emits it, so {@code parse(write(m))} equals {@code m}
 *       including the version.
 *   <li>UTF-8, with or without a byte-order mark; LF, CRLF or CR line ends.
 * </ul>
 *
 * <p>Parsing reports every error of the input in one pass, each with line and column, and yields a map
 * only when there is none: see {@link ShardMapParseResult}.
 */
public final class ShardMapCsv {
    private static final int BUFFER = 1 << 16;

    private ShardMapCsv() {}

    /**
     * Parses a map from characters.
     *
     * @param source the name used in error messages, e.g. the file name
     * @throws IOException when reading fails (not when the content is malformed: that is in the result)
     */
    public static ShardMapParseResult parse(String source, Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader, BUFFER);
        return new ShardMapCsvParser(source).parse(buffered);
    }

    /**
     * Parses a map from UTF-8 bytes (read whole; bound the stream if it may be large). Bytes that are not
     * UTF-8 are one error in the result, at the line and column of the first such byte.
     */
    public static ShardMapParseResult parse(String source, InputStream in) throws IOException {
        StrictUtf8.Decoded decoded = StrictUtf8.decode(in.readAllBytes());
        if (decoded.error().isPresent()) {
            return ShardMapParseResult.invalid(source, List.of(decoded.error().get()));
        }
        return parse(source, decoded.text());
    }

    /** Parses a map held in a string. */
    public static ShardMapParseResult parse(String source, String text) {
        try {
            return parse(source, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Parses a UTF-8 file; its file name is the source in messages. */
    public static ShardMapParseResult parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(String.valueOf(file.getFileName()), in);
        }
    }

    /**
     * Writes {@code map} as CSV: the version line, the header, then one shard per line sorted by shard
     * id, in aligned columns. Does not close {@code out}.
     */
    public static void write(ShardMap map, Writer out) throws IOException {
        List<ShardDefinition> shards = map.sorted();
        int idWidth = "shard_id".length();
        int homeWidth = "master".length();
        for (ShardDefinition shard : shards) {
            idWidth = Math.max(idWidth, shard.shardId().length());
            homeWidth = Math.max(homeWidth, shard.home().value().length());
        }
        out.write("# version: " + map.version() + "\n");
        writeRow(out, "shard_id", idWidth, "master", homeWidth, "critical");
        for (ShardDefinition shard : shards) {
            writeRow(out, shard.shardId(), idWidth, shard.home().value(), homeWidth, String.valueOf(shard.critical()));
        }
        out.flush();
    }

    /** Writes {@code map} as UTF-8 CSV (no byte-order mark). Does not close {@code out}. */
    public static void write(ShardMap map, OutputStream out) throws IOException {
        write(map, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
    }

    /** The CSV text of {@code map}. */
    public static String toCsv(ShardMap map) {
        StringWriter text = new StringWriter(64 + map.size() * 32);
        try {
            write(map, text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void writeRow(Writer out, String id, int idWidth, String home, int homeWidth, String critical)
            throws IOException {
        out.write(id);
        pad(out, idWidth - id.length() + 1);
        out.write(home);
        pad(out, homeWidth - home.length() + 1);
        out.write(critical);
        out.write('\n');
    }

    private static void pad(Writer out, int blanks) throws IOException {
        for (int i = 0; i < blanks; i++) {
            out.write(' ');
        }
    }
}
