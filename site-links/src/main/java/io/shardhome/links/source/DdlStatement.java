package io.shardhome.links.source;

import java.util.Objects;

/**
 * A statement of a source transaction (DDL and other QUERY events).
 *
 * @param defaultSchema the session's default schema when it ran at the source; empty when none
 * @param sql the statement text as logged
 */
public record DdlStatement(String defaultSchema, String sql) {
    public DdlStatement {
        defaultSchema = defaultSchema == null ? "" : defaultSchema;
        Objects.requireNonNull(sql, "sql");
    }
}
