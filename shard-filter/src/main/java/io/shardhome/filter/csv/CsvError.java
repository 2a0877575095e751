package io.shardhome.filter.csv;

import java.util.Objects;

/**
 * One problem in a CSV shard map, at a 1-based line and column (columns count characters after a
 * leading byte-order mark; a tab counts as one). Immutable.
 *
 * @param line the line number, from 1
 * @param column the column number, from 1
 * @param message what is wrong and how to fix it, e.g. {@code bad critical value 'yes'; use true or false}
 */
public record CsvError(int line, int column, String message) {
    public CsvError {
        Objects.requireNonNull(message, "message");
    }

    /** The compiler-style form {@code source:line:column: message}, e.g. {@code map.csv:7:12: ...}. */
    public String format(String source) {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
