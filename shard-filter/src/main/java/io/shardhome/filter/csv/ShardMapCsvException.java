package io.shardhome.filter.csv;

import io.shardhome.filter.ShardFilterException;
import java.util.List;

/**
 * The {@link ShardFilterException} (code {@code MALFORMED_CSV}) of a CSV shard map that has errors;
 * the message lists every error as {@code source:line:column: message}, {@link #errors()} gives them
 * structured.
 */
public final class ShardMapCsvException extends ShardFilterException {
    private static final long serialVersionUID = 1L;

    private final transient List<CsvError> errors;

    public ShardMapCsvException(String source, List<CsvError> errors) {
        super(Code.MALFORMED_CSV, report(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error of the map, in line order. */
    public List<CsvError> errors() {
        return errors;
    }

    private static String report(String source, List<CsvError> errors) {
        StringBuilder text = new StringBuilder(64 + errors.size() * 64)
                .append("shard map ")
                .append(source)
                .append(" has ")
                .append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors")
                .append("; fix them and load the map again:");
        for (CsvError error : errors) {
            text.append('\n').append(error.format(source));
        }
        return text.toString();
    }
}
