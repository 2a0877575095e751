package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
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

    /**
     * One {@code SELECT} per table, joined by {@code UNION ALL}, each naming its schema and table by
     * equality with constants: MariaDB then opens only that table's definition ("Scanned 0 databases").
     * A join between COLUMNS and TABLES, or ORs of several tables, makes it read the definition of every
     * table of every schema at the target on each commit, which cost milliseconds of server CPU per commit
     * with 16 schemas and grows with the number of shards.
     */
    private static Map<String, Long> columnsAt(Connection c, Map<String, Long> tables) throws SQLException {
        // Implicit system-versioning columns (row_start, row_end) are in the row images but not in COLUMNS.
        String one = "SELECT ?, ?, (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA=? AND"
                + " TABLE_NAME=?) + IF((SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA=? AND"
                + " TABLE_NAME=?) = 'SYSTEM VERSIONED' AND (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE"
                + " TABLE_SCHEMA=? AND TABLE_NAME=? AND GENERATION_EXPRESSION = 'ROW START') = 0, 2, 0)";
        String sql = String.join(" UNION ALL ", Collections.nCopies(tables.size(), one));
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int at = 1;
            for (String table : tables.keySet()) {
                int dot = table.indexOf('.');
                for (int i = 0; i < 4; i++) {
                    s.setString(at++, table.substring(0, dot));
                    s.setString(at++, table.substring(dot + 1));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long columns = rs.getLong(3);
                    if (columns > 0) {
                        counts.put(rs.getString(1) + "." + rs.getString(2), columns);
                    }
                }
            }
        }
        return counts;
    }
}
