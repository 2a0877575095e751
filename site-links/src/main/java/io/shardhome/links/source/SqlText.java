package io.shardhome.links.source;

import java.util.ArrayList;
import java.util.List;

/** Small lexical helpers for SQL text: comments, quoted identifiers, tokens. Pure. */
final class SqlText {
    private SqlText() {}

    /** Removes comments; the content of executable comments ({@code /*! ... *}{@code /}) is kept. */
    static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
                int close = sql.indexOf("*/", i);
                int body = i + (sql.charAt(i + 2) == 'M' ? 4 : 3);
                while (body < sql.length() && Character.isDigit(sql.charAt(body))) {
                    body++;
                }
                int end = close < 0 ? sql.length() : close;
                out.append(' ').append(sql, body, end).append(' ');
                i = close < 0 ? sql.length() : close + 2;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                out.append(' ');
                i = close < 0 ? sql.length() : close + 2;
            } else if (c == '#' || sql.startsWith("-- ", i)) {
                int newline = sql.indexOf('\n', i);
                out.append(' ');
                i = newline < 0 ? sql.length() : newline;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Identifiers (bare or back-quoted, kept quoted), quoted strings, and single punctuation characters. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`' || c == '\'' || c == '"') {
                int end = endOfQuoted(text, i);
                tokens.add(text.substring(i, end));
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
            return identifier.substring(1, identifier.length() - 1).replace("``", "`");
        }
        return identifier;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static int endOfQuoted(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
