package io.shardhome.links.source;

import java.util.Objects;

/**
 * One column of a {@link TableShape}.
 *
 * @param name the column name from the row metadata
 * @param type the binlog column type code, resolved for CHAR/ENUM/SET (see {@code ColumnType})
 * @param unsigned whether a numeric column is unsigned
 * @param charset the Java charset of a text column, or null for binary and non-text columns
 */
public record ColumnShape(String name, int type, boolean unsigned, String charset) {
    public ColumnShape {
        Objects.requireNonNull(name, "name");
    }

    public boolean isText() {
        return charset != null;
    }
}
