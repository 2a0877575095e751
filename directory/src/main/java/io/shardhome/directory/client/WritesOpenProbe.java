package io.shardhome.directory.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    static boolean writable(Connection connection, String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SQL)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }
}
