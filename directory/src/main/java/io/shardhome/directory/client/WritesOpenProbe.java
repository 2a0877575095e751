package io.shardhome.directory.client;

import io.shardhome.filter.map.SchemaPattern;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the connection's account may write a schema now, from the privileges the server lists for the
 * account ({@code information_schema}, MySQL and MariaDB). A move grants the application's write
 * privileges at the new home only after its links have seen the flip, so right after a fence a writer
 * asks before it hands out a connection there. Stateless.
 *
 * <p>The listed schema of a grant is its pattern as stored in {@code mysql.db}: a move grants on the
 * escaped name ({@code `acme\_eu`.*}, so the grant covers that schema alone), an administrator may grant
 * on the plain name or a wildcard ({@code `acme\_%`.*}); each is matched as the server matches it. A
 * global write privilege covers every schema.
 */
final class WritesOpenProbe {
    static final String WRITE_PRIVILEGES = "PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE')";
    static final String SQL = "SELECT TABLE_SCHEMA, @@lower_case_table_names FROM information_schema.SCHEMA_PRIVILEGES"
            + " WHERE " + WRITE_PRIVILEGES
            + " UNION ALL SELECT '%', @@lower_case_table_names FROM information_schema.USER_PRIVILEGES"
            + " WHERE " + WRITE_PRIVILEGES;

    private WritesOpenProbe() {}

    /**
     * Whether the account may write {@code schema} now. When it may, the session enters the schema once
     * more: a session keeps the grants it found when it entered its default schema, and the move may have
     * granted the writes between that moment and this check.
     */
    static boolean writable(Connection connection, String schema) throws SQLException {
        boolean writable = false;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(SQL)) {
            while (!writable && rs.next()) {
                writable = SchemaPattern.matches(rs.getString(1), schema, rs.getInt(2) != 0);
            }
        }
        if (writable) {
            try (Statement s = connection.createStatement()) {
                s.execute("USE `" + schema + "`"); // shard ids are plain names (Names.requireShardId)
            }
        }
        return writable;
    }
}
