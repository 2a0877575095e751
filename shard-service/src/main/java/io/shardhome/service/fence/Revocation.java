package io.shardhome.service.fence;

import java.util.List;
import java.util.Objects;

/**
 * One database-level grant the fence takes away and gives back: {@code privileges ON `pattern`.* } of
 * {@code grantee}, exactly as {@code mysql.db} holds it (so a REVOKE finds it and a restore recreates it).
 * Stored in move records as JSON. Immutable.
 */
public record Revocation(Grantee grantee, String pattern, List<String> privileges) {
    public Revocation {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(pattern, "pattern");
        privileges = List.copyOf(privileges);
    }

    /** {@code REVOKE privileges ON `pattern`.* FROM grantee}. */
    public String revokeSql() {
        return "REVOKE " + String.join(", ", privileges) + " ON " + GrantSql.database(pattern) + ".* FROM "
                + grantee.sql();
    }

    /** {@code GRANT privileges ON `pattern`.* TO grantee}: the grant as it was. */
    public String restoreSql() {
        return GrantSql.grant(privileges, pattern, grantee);
    }

    /** The same privileges on exactly {@code schema} ({@code _} and {@code %} escaped), e.g. at a new home. */
    public String grantOnSql(String schema) {
        return GrantSql.grant(privileges, SchemaPattern.escape(schema), grantee);
    }

    @Override
    public String toString() {
        return String.join(", ", privileges) + " ON `" + pattern + "`.* of " + grantee;
    }
}
