package io.shardhome.service.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Table and view definitions of a shard at one site, as {@code SHOW CREATE TABLE} gives them, normalised
 * for comparison (the AUTO_INCREMENT counter is data, not definition). Stateless.
 */
final class Definitions {
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

    private Definitions() {}

    /** Table (and view) name to its normalised definition; empty when the schema does not exist. */
    static Map<String, String> of(Connection c, String schema) throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getString(1), "");
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : definitions.keySet()) {
                try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + Sql.name(schema) + "." + Sql.name(table))) {
                    rs.next();
                    definitions.put(table, normalise(rs.getString(2)));
                }
            }
        }
        return definitions;
    }

    static String normalise(String createStatement) {
        return AUTO_INCREMENT.matcher(createStatement).replaceAll("");
    }

    static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
