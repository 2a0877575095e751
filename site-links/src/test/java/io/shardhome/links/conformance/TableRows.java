package io.shardhome.links.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of one table as text, in a fixed order (primary key, else every column), for row-by-row
 * comparison of two sites: binary, BIT and spatial values in hex, everything else as the server prints it
 * ({@code CAST(.. AS CHAR)}, so zero and partial dates survive). Includes invisible columns and, for a
 * system-versioned table, every row version with its {@code ROW_START}/{@code ROW_END}.
 */
final class TableRows {
    private static final Set<String> HEX_TYPES = Set.of(
            "binary",
            "varbinary",
            "tinyblob",
            "blob",
            "mediumblob",
            "longblob",
            "bit",
            "geometry",
            "point",
            "linestring",
            "polygon",
            "multipoint",
            "multilinestring",
            "multipolygon",
            "geometrycollection");

    /** Streams rows of the query, as lists of column texts, stopping when the callback returns false. */
    @FunctionalInterface
    interface RowVisitor {
        boolean visit(List<String> row);
    }

    private final String schema;
    private final String table;
    private final String query;
    private final List<String> columns;

    private TableRows(String schema, String table, String query, List<String> columns) {
        this.schema = schema;
        this.table = table;
        this.query = query;
        this.columns = columns;
    }

    /**
     * The ordered row query of {@code schema.table} as the columns at {@code c} define it.
     *
     * @param allVersions every row version of a system-versioned table ({@code FOR SYSTEM_TIME ALL})
     */
    static TableRows of(Connection c, String schema, String table, boolean allVersions) throws SQLException {
        List<List<String>> defs = Sql.rows(
                c,
                "SELECT COLUMN_NAME, DATA_TYPE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA="
                        + Sql.literal(schema) + " AND TABLE_NAME=" + Sql.literal(table) + " ORDER BY ORDINAL_POSITION");
        List<String> names = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (List<String> def : defs) {
            names.add(def.get(0));
            String col = Sql.quote(def.get(0));
            select.add(HEX_TYPES.contains(def.get(1).toLowerCase()) ? "HEX(" + col + ")" : "CAST(" + col + " AS CHAR)");
        }
        String rowStart = "ROW_START";
        if (allVersions) {
            // explicit period columns are ordinary (invisible) columns; implicit ones are not in COLUMNS
            List<String> period = Sql.column(
                    c,
                    "SELECT START_COLUMN_NAME FROM information_schema.PERIODS WHERE PERIOD='SYSTEM_TIME' AND"
                            + " TABLE_SCHEMA=" + Sql.literal(schema) + " AND TABLE_NAME=" + Sql.literal(table));
            if (period.isEmpty()) {
                names.addAll(List.of("ROW_START", "ROW_END"));
                select.addAll(List.of("CAST(ROW_START AS CHAR)", "CAST(ROW_END AS CHAR)"));
            } else {
                rowStart = Sql.quote(period.get(0));
            }
        }
        List<String> key = Sql.column(
                c,
                "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA=" + Sql.literal(schema)
                        + " AND TABLE_NAME=" + Sql.literal(table) + " AND INDEX_NAME='PRIMARY' ORDER BY SEQ_IN_INDEX");
        List<String> order = new ArrayList<>();
        (key.isEmpty() ? defs.stream().map(d -> d.get(0)).toList() : key).forEach(k -> order.add(Sql.quote(k)));
        if (allVersions) {
            order.add(rowStart);
        }
        String query = "SELECT " + String.join(", ", select) + " FROM " + Sql.quote(schema, table)
                + (allVersions ? " FOR SYSTEM_TIME ALL" : "") + " ORDER BY " + String.join(", ", order);
        return new TableRows(schema, table, query, List.copyOf(names));
    }

    String name() {
        return schema + "." + table;
    }

    List<String> columns() {
        return columns;
    }

    /** Streams the rows at {@code c} (a session of its own: the result is streamed, not buffered). */
    void forEach(Connection c, RowVisitor visitor) throws SQLException {
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery(query)) {
                int n = columns.size();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    if (!visitor.visit(row)) {
                        return;
                    }
                }
            }
        }
    }
}
