package io.shardhome.service.consistency;

import java.util.List;

/**
 * The outcome of checking one shard at one copy site. Immutable; stored as JSON in the check record.
 *
 * @param status SAME, DIFFERENT, or NOT_CHECKED (see {@code note})
 * @param gtid the home's GTID position the shard's first table was compared at (each table is compared at
 *     its own point; see {@link TableDiff#gtid()})
 * @param tablesCompared tables compared (all of them, also the equal ones)
 * @param rows rows at the home over those tables
 * @param tables the tables that differ (equal ones are only counted)
 */
public record ShardResult(
        String shard,
        String site,
        String home,
        String status,
        String gtid,
        int tablesCompared,
        long rows,
        List<TableDiff> tables,
        String note) {
    public static final String SAME = "SAME";
    public static final String DIFFERENT = "DIFFERENT";
    public static final String NOT_CHECKED = "NOT_CHECKED";

    public ShardResult {
        tables = tables == null ? List.of() : List.copyOf(tables);
        note = note == null ? "" : note;
        gtid = gtid == null ? "" : gtid;
    }

    static ShardResult notChecked(String shard, String site, String home, String why) {
        return new ShardResult(shard, site, home, NOT_CHECKED, "", 0, 0, List.of(), why);
    }
}
