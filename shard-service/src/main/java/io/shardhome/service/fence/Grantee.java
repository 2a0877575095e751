package io.shardhome.service.fence;

import java.util.Objects;

/**
 * Who a grant is given to, as the grant tables name it: an account {@code 'user'@'host'} or a role
 * (MariaDB roles have no host; {@code PUBLIC} is the role every account holds). Immutable.
 */
public record Grantee(String user, String host, boolean role) {
    /** MariaDB's role of every account (11.0.1+): what it may do, everyone may. */
    public static final Grantee PUBLIC = new Grantee("PUBLIC", "", true);

    public Grantee {
        Objects.requireNonNull(user, "user");
        host = host == null ? "" : host;
    }

    public static Grantee account(String user, String host) {
        return new Grantee(user, host, false);
    }

    public static Grantee role(String name) {
        return "PUBLIC".equalsIgnoreCase(name) ? PUBLIC : new Grantee(name, "", true);
    }

    /**
     * An account written as {@code user@host} (split at the last {@code @}; {@code user} alone means {@code
     * user@%}), as configuration and {@code DEFINER} columns name it; quotes around either part are dropped.
     */
    public static Grantee parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").trim();
        int at = trimmed.lastIndexOf('@');
        String user = at < 0 ? trimmed : trimmed.substring(0, at);
        String host = at < 0 ? "%" : trimmed.substring(at + 1);
        return account(unquote(user), unquote(host));
    }

    /** The grantee as GRANT and REVOKE name it: {@code 'user'@'host'}, a quoted role, or {@code PUBLIC}. */
    public String sql() {
        if (equals(PUBLIC)) {
            return "PUBLIC";
        }
        return role ? quote(user) : quote(user) + "@" + quote(host);
    }

    /** An SQL string literal of {@code text}: quotes and backslashes escaped. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String unquote(String part) {
        String p = part.trim();
        if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("`") && p.endsWith("`"))) {
            return p.substring(1, p.length() - 1);
        }
        return p;
    }

    @Override
    public String toString() {
        if (equals(PUBLIC)) {
            return "PUBLIC";
        }
        return role ? "role '" + user + "'" : "'" + user + "'@'" + host + "'";
    }
}
