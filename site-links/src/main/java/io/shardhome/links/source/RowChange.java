package io.shardhome.links.source;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row change of a source transaction, with values already converted for JDBC binding (see {@link
 * ValueDecoder}). Immutable: the value lists are unmodifiable copies (they may hold nulls).
 *
 * @param before the row before the change (UPDATE, DELETE), else empty
 * @param after the row after the change (INSERT, UPDATE), else empty
 */
public record RowChange(TableShape table, Kind kind, List<Object> before, List<Object> after) {
    public enum Kind {
        INSERT,
        UPDATE,
        DELETE
    }

    public RowChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        before = copy(before);
        after = copy(after);
    }

    public static RowChange insert(TableShape table, Object[] after) {
        return new RowChange(table, Kind.INSERT, List.of(), Arrays.asList(after));
    }

    public static RowChange update(TableShape table, Object[] before, Object[] after) {
        return new RowChange(table, Kind.UPDATE, Arrays.asList(before), Arrays.asList(after));
    }

    public static RowChange delete(TableShape table, Object[] before) {
        return new RowChange(table, Kind.DELETE, Arrays.asList(before), List.of());
    }

    /** The row image that identifies the row at the target (before for UPDATE/DELETE). */
    public List<Object> key() {
        return kind == Kind.INSERT ? after : before;
    }

    private static List<Object> copy(List<Object> values) {
        return values == null ? List.of() : Collections.unmodifiableList(Arrays.asList(values.toArray()));
    }
}
