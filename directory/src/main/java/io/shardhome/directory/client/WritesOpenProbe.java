package io.shardhome.directory.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the connection's account may write a schema now, from the privileges the server lists for the
 * account ({@code information_schema}, MySQL and MariaDB). A move grants the application's write
 * privileges at the new home only after its links have seen the flip, so right after a fence a writer
 * asks before it hands out a connection there. Stateless.
 */
final class WritesOpenProbe {
    static final String SQL = "SELECT (SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES"
            + " WHERE TABLE_SCHEMA = ? AND PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE'))"
            + " + (SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES"
            + " WHERE PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE'))";

    private WritesOpenProbe() {}

    /**
     * Whether the account may write {@code schema} now. When it may, the session enters the schema once
     * more: a session keeps the grants it found when it entered its default schema, and the move may have
     * granted the writes between that moment and this check.
     */
    static boolean writable(Connection connection, String schema) throws SQLException {
        boolean writable;
        try (PreparedStatement s = connection.prepareStatement(SQL)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                writable = rs.next() && rs.getLong(1) > 0;
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
