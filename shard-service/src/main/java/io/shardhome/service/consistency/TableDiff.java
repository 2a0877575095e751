package io.shardhome.service.consistency;

import java.util.List;

/**
 * How one table of a shard at a copy differs from its home at the check's point. Immutable; stored as JSON
 * in the check record.
 *
 * @param status SAME, DIFFERENT (rows), DEFINITION (table definitions differ), MISSING (no such table at the
 *     copy), EXTRA (a table only the copy has)
 * @param rows rows at the home
 * @param chunks chunks compared, and how many of them differed
 * @param missing rows the home has and the copy lacks (keys of the first few, and the count)
 * @param extra rows the copy has and the home does not
 * @param different rows both have with different values
 * @param homeDefinition the home's {@code SHOW CREATE TABLE} when the definitions differ, else empty
 * @param copyDefinition the copy's, likewise
 * @param note what was not compared and why, or empty
 * @param gtid the home's GTID position the table was compared at (each table at its own point)
 */
public record TableDiff(
        String table,
        String status,
        long rows,
        long chunks,
        long chunksDiffering,
        Rows missing,
        Rows extra,
        Rows different,
        String homeDefinition,
        String copyDefinition,
        String note,
        String gtid) {
    public static final String SAME = "SAME";
    public static final String DIFFERENT = "DIFFERENT";
    public static final String DEFINITION = "DEFINITION";
    public static final String MISSING = "MISSING";
    public static final String EXTRA = "EXTRA";

    /** A count of rows and the keys of the first ones. */
    public record Rows(long count, List<String> keys) {
        public static final Rows NONE = new Rows(0, List.of());

        public Rows {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    public TableDiff {
        missing = missing == null ? Rows.NONE : missing;
        extra = extra == null ? Rows.NONE : extra;
        different = different == null ? Rows.NONE : different;
        homeDefinition = homeDefinition == null ? "" : homeDefinition;
        copyDefinition = copyDefinition == null ? "" : copyDefinition;
        note = note == null ? "" : note;
        gtid = gtid == null ? "" : gtid;
    }

    /** The same diff, compared at {@code point}. */
    TableDiff at(String point) {
        return new TableDiff(
                table,
                status,
                rows,
                chunks,
                chunksDiffering,
                missing,
                extra,
                different,
                homeDefinition,
                copyDefinition,
                note,
                point);
    }

    public boolean isSame() {
        return SAME.equals(status);
    }

    static TableDiff tableOnlyAtHome(String table, String definition) {
        return new TableDiff(
                table, MISSING, 0, 0, 0, null, null, null, definition, "", "the copy has no such table", "");
    }

    static TableDiff tableOnlyAtCopy(String table, String definition) {
        return new TableDiff(table, EXTRA, 0, 0, 0, null, null, null, "", definition, "the home has no such table", "");
    }
}
