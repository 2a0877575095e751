package io.shardhome.service.grants;

import io.shardhome.filter.map.SchemaPattern;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Privileges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Database-level grants on many schemas at once at a MariaDB master: rows written into {@code mysql.db} in
 * multi-row statements, then one {@code FLUSH PRIVILEGES}. One GRANT statement per schema costs a grant-table
 * write and an ACL update each (seconds for thousands of shards); a failover must open writes on all of a
 * dead site's shards at once. Existing rows keep their other privileges (as GRANT does). Unlogged. Pure SQL
 * building plus one execution method; thread-safe.
 */
final class BulkGrants {
    private static final int ROWS_PER_STATEMENT = 1000;

    private BulkGrants() {}

    /**
     * The statements giving {@code privileges} on each of {@code schemas} to each of {@code accounts}, or
     * empty when a privilege has no {@code mysql.db} column (then use GRANT statements).
     */
    static Optional<List<String>> statements(
            Collection<String> schemas, Collection<Grantee> accounts, Collection<String> privileges) {
        List<String> columns = new ArrayList<>();
        for (String privilege : privileges) {
            String column = Privileges.dbColumn(privilege);
            if (column == null) {
                return Optional.empty();
            }
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        if (columns.isEmpty() || schemas.isEmpty() || accounts.isEmpty()) {
            return Optional.of(List.of());
        }
        String head = "INSERT INTO mysql.db (Host, Db, User, " + String.join(", ", columns) + ") VALUES ";
        String yes = ", 'Y'".repeat(columns.size());
        String tail = " ON DUPLICATE KEY UPDATE "
                + String.join(", ", columns.stream().map(c -> c + "='Y'").toList());
        List<String> sql = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        int rows = 0;
        for (String schema : schemas) {
            for (Grantee account : accounts) {
                values.append(rows == 0 ? "" : ", ")
                        .append('(')
                        .append(quote(account.host()))
                        .append(", ")
                        .append(quote(SchemaPattern.escape(schema)))
                        .append(", ")
                        .append(quote(account.user()))
                        .append(yes)
                        .append(')');
                if (++rows == ROWS_PER_STATEMENT) {
                    sql.add(head + values + tail);
                    values.setLength(0);
                    rows = 0;
                }
            }
        }
        if (rows > 0) {
            sql.add(head + values + tail);
        }
        sql.add("FLUSH PRIVILEGES");
        return Optional.of(sql);
    }

    /** Runs {@code statements} unlogged on {@code c}. */
    static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin=0");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A SQL string literal. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
