package io.shardhome.filter.csv;

import java.util.List;
import java.util.Locale;

/**
 * Where the three columns of a CSV shard map are, read from its header line. Immutable.
 *
 * @param fieldCount how many fields every data line must have
 * @param shardId index of {@code shard_id}, or -1 when the header lacks it
 * @param master index of {@code master}, or -1
 * @param critical index of {@code critical}, or -1
 */
record CsvHeader(int fieldCount, int shardId, int master, int critical) {
    static final List<String> COLUMNS = List.of("shard_id", "master", "critical");
    static final String HEADER_LINE = String.join(" ", COLUMNS);

    /** The order of the seed article, used to check data lines when the header is missing. */
    static final CsvHeader DEFAULT = new CsvHeader(3, 0, 1, 2);

    /**
     * Reads the header from the split first line, adding an error for each unknown, duplicate or
     * missing column name.
     *
     * @return the header, or {@code null} when the line names no column at all (it is data)
     */
    static CsvHeader read(LineFields fields, int line, List<CsvError> errors) {
        int[] indexes = {-1, -1, -1};
        boolean namesAny = false;
        for (int i = 0; i < fields.count(); i++) {
            namesAny |= COLUMNS.contains(fields.value(i).toLowerCase(Locale.ROOT));
        }
        if (!namesAny) {
            return null;
        }
        for (int i = 0; i < fields.count(); i++) {
            String name = fields.value(i).toLowerCase(Locale.ROOT);
            int column = COLUMNS.indexOf(name);
            if (column < 0) {
                errors.add(new CsvError(
                        line,
                        fields.column(i),
                        "unknown column '" + fields.value(i) + "'; the columns are shard_id, master and critical"));
            } else if (indexes[column] >= 0) {
                errors.add(new CsvError(
                        line,
                        fields.column(i),
                        "column '" + name + "' is named twice (first at column " + fields.column(indexes[column])
                                + "); name each column once"));
            } else {
                indexes[column] = i;
            }
        }
        for (int column = 0; column < COLUMNS.size(); column++) {
            if (indexes[column] < 0) {
                errors.add(new CsvError(
                        line,
                        fields.endColumn(),
                        "header lacks column '" + COLUMNS.get(column)
                                + "'; name all of shard_id, master and critical"));
            }
        }
        return new CsvHeader(fields.count(), indexes[0], indexes[1], indexes[2]);
    }
}
