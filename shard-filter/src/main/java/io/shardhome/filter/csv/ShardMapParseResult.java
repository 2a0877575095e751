package io.shardhome.filter.csv;

import io.shardhome.filter.map.ShardMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a CSV shard map: either the whole map or every error, never a partial map.
 * Immutable.
 */
public final class ShardMapParseResult {
    private final String source;
    private final ShardMap map;
    private final List<CsvError> errors;

    private ShardMapParseResult(String source, ShardMap map, List<CsvError> errors) {
        this.source = Objects.requireNonNull(source, "source");
        this.map = map;
        this.errors = List.copyOf(errors);
    }

    static ShardMapParseResult valid(String source, ShardMap map) {
        return new ShardMapParseResult(source, Objects.requireNonNull(map, "map"), List.of());
    }

    static ShardMapParseResult invalid(String source, List<CsvError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one error");
        }
        return new ShardMapParseResult(source, null, errors);
    }

    /** The name the input was given for messages, e.g. its file name. */
    public String source() {
        return source;
    }

    public boolean isValid() {
        return map != null;
    }

    /**
     * The parsed map.
     *
     * @throws ShardMapCsvException when the input had errors; its message lists all of them
     */
    public ShardMap map() {
        if (map == null) {
            throw new ShardMapCsvException(source, errors);
        }
        return map;
    }

    /** The parsed map, or empty when the input had errors. */
    public Optional<ShardMap> mapIfValid() {
        return Optional.ofNullable(map);
    }

    /** Every error in line order; empty for a valid map. */
    public List<CsvError> errors() {
        return errors;
    }

    /** The errors one per line as {@code source:line:column: message}; empty for a valid map. */
    public String errorReport() {
        StringBuilder text = new StringBuilder();
        for (CsvError error : errors) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(error.format(source));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + source + ": " + map : "invalid " + source + ": " + errors.size() + " errors";
    }
}
