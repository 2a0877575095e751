package io.shardhome.links.source;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one table as the binlog's table-map event describes it (with {@code
 * binlog_row_metadata=FULL}): qualified name, columns in order and the primary key. Immutable.
 *
 * @param primaryKey indexes into {@code columns}; empty when the table has no primary key
 */
public record TableShape(String schema, String table, List<ColumnShape> columns, List<Integer> primaryKey) {
    public TableShape {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public String qualifiedName() {
        return "`" + schema.replace("`", "``") + "`.`" + table.replace("`", "``") + "`";
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    /** The index of the named column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
