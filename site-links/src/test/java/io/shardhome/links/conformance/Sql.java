package io.shardhome.links.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers of the conformance checks. */
final class Sql {
    private Sql() {}

    /** {@code name} as a quoted identifier. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code schema.table} as quoted identifiers. */
    static String quote(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** {@code value} as a string literal (for information_schema lookups by name). */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Every row of {@code sql}, each column as a string (null stays null). */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The first column of every row of {@code sql}. */
    static List<String> column(Connection c, String sql) throws SQLException {
        return rows(c, sql).stream().map(row -> row.get(0)).toList();
    }
}
