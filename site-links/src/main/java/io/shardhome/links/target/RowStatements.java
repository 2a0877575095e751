package io.shardhome.links.target;

import io.shardhome.links.source.ColumnShape;
import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL for row changes: INSERT of all columns; UPDATE and DELETE by primary key, or by all columns
 * (null-safe, one row) where the table has none. Pure.
 */
public final class RowStatements {
    private RowStatements() {}

    public static String sql(RowChange change) {
        return sql(change.table(), change.kind());
    }

    /** The single-row statement of {@code kind} for table {@code t}. */
    public static String sql(TableShape t, RowChange.Kind kind) {
        return switch (kind) {
            case INSERT ->
                "INSERT INTO " + t.qualifiedName() + " (" + columnList(t) + ") VALUES ("
                        + placeholders(t.columns().size()) + ")";
            case UPDATE -> "UPDATE " + t.qualifiedName() + " SET " + assignments(t) + " WHERE " + where(t) + limit(t);
            case DELETE -> "DELETE FROM " + t.qualifiedName() + " WHERE " + where(t) + limit(t);
        };
    }

    /** {@code INSERT INTO t (c1,c2) VALUES }: the start of a multi-row INSERT with literal values. */
    static String insertPrefix(TableShape t) {
        return "INSERT INTO " + t.qualifiedName() + " (" + columnList(t) + ") VALUES ";
    }

    /** The values to bind, in placeholder order. */
    public static List<Object> parameters(RowChange change) {
        List<Object> values = new ArrayList<>();
        if (change.kind() != RowChange.Kind.DELETE) {
            values.addAll(change.after());
        }
        if (change.kind() != RowChange.Kind.INSERT) {
            for (int i : keyColumns(change.table())) {
                values.add(change.before().get(i));
            }
        }
        return values;
    }

    static List<Integer> keyColumns(TableShape t) {
        if (t.hasPrimaryKey()) {
            return t.primaryKey();
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static String columnList(TableShape t) {
        return t.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(","));
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static String assignments(TableShape t) {
        return t.columns().stream().map(c -> quote(c.name()) + "=?").collect(Collectors.joining(","));
    }

    private static String where(TableShape t) {
        String equals = t.hasPrimaryKey() ? "=?" : "<=>?";
        List<String> terms = new ArrayList<>();
        for (int i : keyColumns(t)) {
            ColumnShape c = t.columns().get(i);
            terms.add(quote(c.name()) + equals);
        }
        return String.join(" AND ", terms);
    }

    private static String limit(TableShape t) {
        return t.hasPrimaryKey() ? "" : " LIMIT 1";
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
