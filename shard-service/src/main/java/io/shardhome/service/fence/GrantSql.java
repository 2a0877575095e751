package io.shardhome.service.fence;

import java.util.List;

/**
 * GRANT and REVOKE statements with safely quoted names. Privilege names come only from {@link
 * Privileges}. Pure and thread-safe.
 */
public final class GrantSql {
    private GrantSql() {}

    /** A database name (or grant pattern) as a quoted identifier. */
    public static String database(String pattern) {
        return "`" + pattern.replace("`", "``") + "`";
    }

    /** {@code GRANT privileges ON `pattern`.* TO grantee}. */
    public static String grant(List<String> privileges, String pattern, Grantee grantee) {
        return "GRANT " + String.join(", ", privileges) + " ON " + database(pattern) + ".* TO " + grantee.sql();
    }

    /** {@code REVOKE privileges ON `pattern`.* FROM grantee}. */
    public static String revoke(List<String> privileges, String pattern, Grantee grantee) {
        return "REVOKE " + String.join(", ", privileges) + " ON " + database(pattern) + ".* FROM " + grantee.sql();
    }

    /** {@code REVOKE privileges ON `schema`.`table` FROM grantee}, the fix for a table-level grant. */
    public static String revokeOnTable(List<String> privileges, String schema, String table, Grantee grantee) {
        return "REVOKE " + String.join(", ", privileges) + " ON " + database(schema) + "." + database(table) + " FROM "
                + grantee.sql();
    }
}
