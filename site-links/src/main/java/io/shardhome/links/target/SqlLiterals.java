package io.shardhome.links.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Writes decoded row values (see {@code ValueDecoder}) as SQL literals, so that a group's inserts go out
 * as one multi-row statement without a driver binding every value. The literals read the same under
 * every {@code sql_mode}: text that needs escaping is sent as a hex string with a {@code _utf8mb4}
 * introducer (never backslash escapes, which {@code NO_BACKSLASH_ESCAPES} would change), binary values as
 * hex, decimals in plain notation, floats in the shortest form that reads back to the same value. Pure.
 */
final class SqlLiterals {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiterals() {}

    /**
     * Appends {@code value} as a literal.
     *
     * @return false (and appends nothing) for a value that has no literal form here: a type the decoder
     *     does not produce, or a non-finite float; the caller binds it instead
     */
    static boolean append(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof String text) {
            appendText(sql, text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            sql.append(value);
        } else if (value instanceof BigDecimal decimal) {
            sql.append(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            appendHex(sql.append("X'"), bytes).append('\'');
        } else if (value instanceof Double d && Double.isFinite(d)) {
            sql.append(d.doubleValue());
        } else if (value instanceof Float f && Float.isFinite(f)) {
            sql.append(f.floatValue());
        } else {
            return false;
        }
        return true;
    }

    private static void appendText(StringBuilder sql, String text) {
        if (plain(text)) {
            sql.append('\'').append(text).append('\'');
        } else {
            appendHex(sql.append("_utf8mb4 X'"), text.getBytes(StandardCharsets.UTF_8))
                    .append('\'');
        }
    }

    /** Text that reads the same inside quotes with or without backslash escapes. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '\'' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static StringBuilder appendHex(StringBuilder sql, byte[] bytes) {
        for (byte b : bytes) {
            sql.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return sql;
    }
}
