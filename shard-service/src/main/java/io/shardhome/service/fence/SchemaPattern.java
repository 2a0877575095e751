package io.shardhome.service.fence;

import java.util.Locale;

/**
 * Database names in grants: {@code %} and {@code _} are wildcards unless escaped with a backslash, as
 * in {@code mysql.db}. Pure and thread-safe.
 */
public final class SchemaPattern {
    private SchemaPattern() {}

    /** The pattern that matches exactly {@code schema}: {@code _}, {@code %} and {@code \} escaped. */
    public static String escape(String schema) {
        return schema.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    /** Whether the grant pattern {@code pattern} covers {@code schema}. */
    public static boolean matches(String pattern, String schema, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String s = ignoreCase ? schema.toLowerCase(Locale.ROOT) : schema;
        return matches(p, 0, s, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = si; k <= s.length(); k++) {
                    if (matches(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                c = p.charAt(pi);
            } else if (c == '_') {
                pi++;
                si++;
                continue;
            }
            if (c != s.charAt(si)) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** Whether {@code pattern} has a wildcard that is not escaped. */
    public static boolean hasWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%' || c == '_') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code pattern} has a {@code %} that is not escaped (it matches names of any length). */
    public static boolean hasPercent(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%') {
                return true;
            }
        }
        return false;
    }

    /** {@code pattern} read literally: escapes removed, wildcards taken as the characters they are. */
    public static String literal(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                i++;
                c = pattern.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
