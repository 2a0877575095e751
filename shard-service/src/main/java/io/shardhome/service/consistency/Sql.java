package io.shardhome.service.consistency;

import io.shardhome.service.consistency.TableShape.Column;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of a check, built once per table shape: a row's hash, key-ordered chunk predicates and the
 * values that bound them. Pure functions.
 *
 * <p>A row hashes as {@code CRC32(CONCAT_WS('#', col1, ..., CONCAT(ISNULL(nullable1), ...)))}, with text
 * columns cast to their stored bytes (no collation mix, no charset conversion) and BIT columns as numbers; a
 * chunk's checksum is {@code COUNT(*)} and {@code BIT_XOR} of its rows' hashes, as pt-table-checksum does it
 * (integer arithmetic; rows with a key never repeat, so no pair cancels out).
 * Both servers evaluate the same expression over the same table definition (definitions are compared
 * first), so equal rows hash equally.
 */
public final class Sql {
    private Sql() {}

    /** A quoted identifier. */
    public static String name(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** The expression hashing a row of {@code shape}. */
    public static String rowHash(TableShape shape) {
        List<String> parts = new ArrayList<>();
        for (Column c : shape.columns()) {
            parts.add(valueOf(c));
        }
        List<String> nullable = shape.columns().stream()
                .filter(Column::nullable)
                .map(c -> "ISNULL(" + name(c.name()) + ")")
                .toList();
        if (!nullable.isEmpty()) {
            parts.add("CONCAT(" + String.join(",", nullable) + ")");
        }
        return "CRC32(CONCAT_WS('#'," + String.join(",", parts) + "))";
    }

    private static String valueOf(Column c) {
        String n = name(c.name());
        return switch (c.kind()) {
            case TEXT, SPATIAL -> "CAST(" + n + " AS BINARY)";
            case BIT -> n + "+0";
            default -> n;
        };
    }

    /** The key columns, comma separated, for ORDER BY and SELECT lists. */
    public static String keyList(TableShape shape) {
        return shape.key().stream().map(c -> name(c.name())).collect(Collectors.joining(","));
    }

    /** {@code FORCE INDEX (...)} for the table's key, or nothing without one. */
    public static String forceKey(TableShape shape) {
        return shape.keyIndex().isEmpty() ? "" : " FORCE INDEX (" + name(shape.keyIndex()) + ")";
    }

    /**
     * The WHERE condition of {@code chunk} (TRUE for the whole table), with a {@code ?} per bound value in
     * the order {@link #bind} binds them.
     */
    public static String where(TableShape shape, Chunk chunk) {
        List<String> conditions = new ArrayList<>();
        if (chunk.from() != null) {
            conditions.add(compare(shape.key(), ">", ">="));
        }
        if (chunk.to() != null) {
            conditions.add(compare(shape.key(), "<", "<"));
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /**
     * Lexicographic comparison of the key with a bound: {@code (k1 op ?) OR (k1 = ? AND k2 op ?) ... OR (k1 = ?
     * AND ... kn last ?)}, which the range optimizer turns into one index range.
     */
    static String compare(List<Column> key, String op, String lastOp) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> term = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                term.add(name(key.get(j).name()) + " = ?");
            }
            term.add(name(key.get(i).name()) + " " + (i == key.size() - 1 ? lastOp : op) + " ?");
            terms.add(String.join(" AND ", term));
        }
        return terms.size() == 1 ? terms.get(0) : "((" + String.join(") OR (", terms) + "))";
    }

    /** Binds the values of {@link #where} from parameter {@code first} on; returns the next index. */
    public static int bind(PreparedStatement s, int first, Chunk chunk) throws SQLException {
        int at = first;
        at = bindBound(s, at, chunk.from());
        return bindBound(s, at, chunk.to());
    }

    private static int bindBound(PreparedStatement s, int first, List<Object> bound) throws SQLException {
        int at = first;
        if (bound != null) {
            for (int i = 0; i < bound.size(); i++) {
                for (int j = 0; j <= i; j++) {
                    set(s, at++, bound.get(j));
                }
            }
        }
        return at;
    }

    private static void set(PreparedStatement s, int index, Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            s.setBytes(index, bytes);
        } else {
            s.setString(index, (String) value);
        }
    }

    /** The key of the current row of {@code rs}, read from column {@code first} on. */
    public static List<Object> key(ResultSet rs, TableShape shape, int first) throws SQLException {
        List<Object> key = new ArrayList<>(shape.key().size());
        for (int i = 0; i < shape.key().size(); i++) {
            Column c = shape.key().get(i);
            key.add(
                    c.kind() == TableShape.Kind.BINARY || c.kind() == TableShape.Kind.BIT
                            ? rs.getBytes(first + i)
                            : rs.getString(first + i));
        }
        return key;
    }

    /** A key as an operator reads it: values joined by commas, binary ones in hex. */
    public static String display(List<Object> key) {
        return key.stream()
                .map(v ->
                        v instanceof byte[] b ? "0x" + java.util.HexFormat.of().formatHex(b) : String.valueOf(v))
                .collect(Collectors.joining(","));
    }
}
