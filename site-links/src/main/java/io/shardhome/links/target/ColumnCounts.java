package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that each table a group of transactions writes has, at the target, as many columns as the
 * source's row images carry. A replica (and so a {@code BINLOG} statement) silently ignores trailing
 * columns the target's table lacks, and fills trailing columns the source's lacks with defaults: either
 * way the copy would differ without an error. Stateless.
 */
final class ColumnCounts {
    private ColumnCounts() {}

    /**
     * @param expected columns per table ({@code schema.table}) at the source
     * @throws LinkException {@code SCHEMA_MISMATCH} naming every table that differs
     */
    static void check(Connection c, Map<String, Long> expected, String target) throws SQLException {
        if (expected.isEmpty()) {
            return;
        }
        Map<String, Long> actual = columnsAt(c, expected);
        Map<String, String> differing = new TreeMap<>();
        expected.forEach((table, columns) -> {
            long here = actual.getOrDefault(table, 0L);
            if (here != columns) {
                differing.put(
                        table,
                        here == 0
                                ? "missing at " + target
                                : columns + " columns at the source, " + here + " at " + target);
            }
        });
        if (!differing.isEmpty()) {
            throw new LinkException(
                    Code.SCHEMA_MISMATCH,
                    "tables differ between source and target: " + differing
                            + "; make the target's tables match the source's (compare SHOW CREATE TABLE at both sites),"
                            + " then resume the link");
        }
    }

    private static Map<String, Long> columnsAt(Connection c, Map<String, Long> tables) throws SQLException {
        // Implicit system-versioning columns (row_start, row_end) are in the row images but not in COLUMNS.
        StringBuilder sql = new StringBuilder("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, COUNT(*) + IF(MAX(t.TABLE_TYPE)"
                + " = 'SYSTEM VERSIONED' AND SUM(IFNULL(c.GENERATION_EXPRESSION, '') = 'ROW START') = 0, 2, 0)"
                + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(c.TABLE_SCHEMA=? AND c.TABLE_NAME=?)");
        }
        sql.append(" GROUP BY c.TABLE_SCHEMA, c.TABLE_NAME");
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int at = 1;
            for (String table : tables.keySet()) {
                int dot = table.indexOf('.');
                s.setString(at++, table.substring(0, dot));
                s.setString(at++, table.substring(dot + 1));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return counts;
    }
}
