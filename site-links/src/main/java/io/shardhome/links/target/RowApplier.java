package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes row changes on one session, in order. Consecutive INSERTs into one table go out as one
 * multi-row INSERT with literal values (see {@link SqlLiterals}), up to {@value #MAX_STATEMENT_CHARS}
 * characters; UPDATE, DELETE and rows too large for a literal run as prepared statements, one by one,
 * and must match exactly one row. Caches SQL per table shape and prepared statements. Not thread-safe.
 */
final class RowApplier {
    static final int MAX_STATEMENT_CHARS = 1 << 20;
    private static final int MAX_CACHED = 10_000;

    private final Connection connection;
    private final String target;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<TableShape, TableSql> sqlByTable = new IdentityHashMap<>();
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder row = new StringBuilder();
    private TableShape pendingTable;
    private Statement literal;

    RowApplier(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    void apply(List<RowChange> rows) throws SQLException {
        for (RowChange change : rows) {
            if (change.kind() == RowChange.Kind.INSERT && literalRow(change)) {
                appendInsert(change.table());
            } else {
                flush();
                executeOne(change);
            }
        }
    }

    /** Sends a pending multi-row INSERT. */
    void flush() throws SQLException {
        if (pendingTable == null) {
            return;
        }
        String sql = pending.toString();
        discard();
        if (literal == null) {
            literal = connection.createStatement();
        }
        literal.executeUpdate(sql);
    }

    /** Forgets a pending INSERT that will not be sent (the transaction rolls back). */
    void discard() {
        pending.setLength(0);
        pendingTable = null;
    }

    /** The SQL of one table shape, built once: shapes are interned by the assembler, so keyed by identity. */
    private record TableSql(String insertPrefix, String insert, String update, String delete) {
        static TableSql of(TableShape t) {
            return new TableSql(
                    RowStatements.insertPrefix(t),
                    RowStatements.sql(t, RowChange.Kind.INSERT),
                    RowStatements.sql(t, RowChange.Kind.UPDATE),
                    RowStatements.sql(t, RowChange.Kind.DELETE));
        }

        String of(RowChange.Kind kind) {
            return switch (kind) {
                case INSERT -> insert;
                case UPDATE -> update;
                case DELETE -> delete;
            };
        }
    }

    private TableSql sqlOf(TableShape table) {
        if (sqlByTable.size() >= MAX_CACHED && !sqlByTable.containsKey(table)) {
            sqlByTable.clear();
        }
        return sqlByTable.computeIfAbsent(table, TableSql::of);
    }

    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            if (statements.size() >= MAX_CACHED) {
                closeStatements();
            }
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement s : statements.values()) {
            s.close();
        }
        statements.clear();
    }

    /** Writes the values of {@code change} into {@link #row}; false when they need binding instead. */
    private boolean literalRow(RowChange change) {
        row.setLength(0);
        row.append('(');
        List<Object> values = change.after();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            if (!SqlLiterals.append(row, values.get(i)) || row.length() > MAX_STATEMENT_CHARS / 2) {
                return false;
            }
        }
        row.append(')');
        return true;
    }

    private void appendInsert(TableShape table) throws SQLException {

        if (pendingTable != table || pending.length() + row.length() > MAX_STATEMENT_CHARS) {
            flush();
        }
        if (pendingTable == null) {
            pending.append(sqlOf(table).insertPrefix());
            pendingTable = table;
        } else {
            pending.append(',');
        }
        pending.append(row);
    }

    private void executeOne(RowChange change) throws SQLException {
        PreparedStatement s = statement(sqlOf(change.table()).of(change.kind()));
        List<Object> values = RowStatements.parameters(change);
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
        int count = s.executeUpdate();
        if (change.kind() != RowChange.Kind.INSERT) {
            requireOneRow(change, count);
        }
    }

    private void requireOneRow(RowChange change, int count) {
        if (count != 1) {
            throw new LinkException(
                    Code.DATA_DIVERGED,
                    change.kind() + " of " + change.table().qualifiedName() + " matched " + count + " rows at "
                            + target + " (key " + keyOf(change) + "); the copy has diverged from its home:"
                            + " re-copy the shard from its home, then resume the link");
        }
    }

    private static String keyOf(RowChange change) {
        return RowStatements.keyColumns(change.table()).stream()
                .map(i -> change.table().columns().get(i).name() + "="
                        + change.key().get(i))
                .toList()
                .toString();
    }
}
