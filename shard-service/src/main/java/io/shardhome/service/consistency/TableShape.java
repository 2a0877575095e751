package io.shardhome.service.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a check and a re-seed need to know of one base table: its stored columns (generated ones are
 * computed by each server and left out) and the key that orders and chunks it: the primary key, else a
 * unique key over NOT NULL columns (what InnoDB itself would cluster by), else none (the table is then
 * compared and copied whole). Immutable.
 *
 * @param keyIndex the index name to force ({@code PRIMARY}, a unique key's name, or empty without key)
 */
public record TableShape(String schema, String table, List<Column> columns, List<Column> key, String keyIndex) {
    public TableShape {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** A stored column. {@code kind} groups data types by how their values travel and compare. */
    public record Column(String name, String dataType, boolean nullable, Kind kind) {}

    /** How a column's value is carried in text (LOAD DATA) and hashed. */
    public enum Kind {
        NUMBER,
        TEMPORAL,
        TEXT,
        BINARY,
        BIT,
        SPATIAL;

        private static final Set<String> NUMBERS =
                Set.of("tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double", "year");
        private static final Set<String> TEMPORALS = Set.of("date", "datetime", "timestamp", "time");
        private static final Set<String> BINARIES =
                Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");
        private static final Set<String> SPATIALS = Set.of(
                "geometry",
                "point",
                "linestring",
                "polygon",
                "multipoint",
                "multilinestring",
                "multipolygon",
                "geometrycollection");

        static Kind of(String dataType) {
            String type = dataType.toLowerCase(java.util.Locale.ROOT);
            if (NUMBERS.contains(type)) {
                return NUMBER;
            }
            if (TEMPORALS.contains(type)) {
                return TEMPORAL;
            }
            if (BINARIES.contains(type)) {
                return BINARY;
            }
            if (type.equals("bit")) {
                return BIT;
            }
            return SPATIALS.contains(type) ? SPATIAL : TEXT;
        }
    }

    /** The same table, ordered by its key without forcing an index (the other site may name it otherwise). */
    public TableShape withoutIndexHint() {
        return new TableShape(schema, table, columns, key, "");
    }

    public boolean hasKey() {
        return !key.isEmpty();
    }

    /** Whether the key is one integer column (chunked by value ranges instead of walking the index). */
    public boolean hasIntegerKey() {
        return key.size() == 1
                && Set.of("tinyint", "smallint", "mediumint", "int", "bigint")
                        .contains(key.get(0).dataType().toLowerCase(java.util.Locale.ROOT));
    }

    public String qualified() {
        return Sql.name(schema) + "." + Sql.name(table);
    }

    /** The base tables of {@code schema} at the site {@code c} is connected to, by name. */
    public static Map<String, TableShape> read(Connection c, String schema) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.IS_NULLABLE"
                + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'"
                + " AND c.EXTRA NOT LIKE '%GENERATED%' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new Column(rs.getString(2), type, "YES".equals(rs.getString(4)), Kind.of(type)));
                }
            }
        }
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
            shapes.put(table.getKey(), withKey(c, schema, table.getKey(), table.getValue()));
        }
        return shapes;
    }

    private static TableShape withKey(Connection c, String schema, String table, List<Column> columns)
            throws SQLException {
        Map<String, List<String>> unique = new LinkedHashMap<>();
        Set<String> nullableKeys = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME, NULLABLE, SUB_PART"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
                + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    unique.computeIfAbsent(rs.getString(1), i -> new ArrayList<>())
                            .add(rs.getString(2));
                    if ("YES".equals(rs.getString(3)) || rs.getObject(4) != null) {
                        nullableKeys.add(rs.getString(1)); // a NULL or a prefix does not identify a row
                    }
                }
            }
        }
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(col -> byName.put(col.name(), col));
        for (Map.Entry<String, List<String>> index : unique.entrySet()) {
            if (nullableKeys.contains(index.getKey())
                    || !index.getValue().stream().allMatch(byName::containsKey)) {
                continue;
            }
            List<Column> key = index.getValue().stream().map(byName::get).toList();
            return new TableShape(schema, table, columns, key, index.getKey());
        }
        return new TableShape(schema, table, columns, List.of(), "");
    }
}
