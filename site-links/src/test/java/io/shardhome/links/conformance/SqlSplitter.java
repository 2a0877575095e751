package io.shardhome.links.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements the way the {@code mariadb} command-line client does: statements end
 * at the current delimiter ({@code ;} until a {@code DELIMITER $$} line changes it, for routine and trigger
 * bodies), which does not count inside quotes ({@code '..'}, {@code ".."}, {@code `..`}, with backslash
 * and doubled-quote escapes) or comments. Line comments ({@code -- } and {@code #}) are removed; block
 * comments stay in the statement (the server ignores them and executes {@code /*! ... *}{@code /}).
 *
 * <p>A line comment starting {@code -- @} at the beginning of a statement is a directive for the runner
 * ({@code -- @error 1062}, {@code -- @offending}); it becomes a {@link Piece} of its own.
 */
final class SqlSplitter {
    /** One statement or directive, with the 1-based line it starts on. */
    record Piece(int line, String text, boolean directive) {}

    private final String script;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder statement = new StringBuilder();
    private String delimiter = ";";
    private int pos;
    private int line = 1;
    private int statementLine = 1;
    private boolean started;

    private SqlSplitter(String script) {
        this.script = script.replace("\r\n", "\n");
    }

    /**
     * The statements and directives of {@code script}, in order.
     *
     * @throws IllegalArgumentException naming the line of an unterminated quote, comment or last statement
     */
    static List<Piece> split(String script) {
        SqlSplitter splitter = new SqlSplitter(script);
        splitter.run();
        return splitter.pieces;
    }

    private void run() {
        while (pos < script.length()) {
            if (!started && Character.isWhitespace(script.charAt(pos))) {
                newlineAware(script.charAt(pos++));
            } else if (!started && lineStartsWith("DELIMITER ")) {
                delimiter = restOfLine().substring("DELIMITER ".length()).strip();
                requireDelimiter();
                skipLine();
            } else if (!started && script.startsWith("-- @", pos)) {
                pieces.add(new Piece(line, restOfLine().substring(3).strip(), true));
                skipLine();
            } else if (script.startsWith(delimiter, pos)) {
                pos += delimiter.length();
                endStatement();
            } else {
                consumeToken();
            }
        }
        if (started) {
            throw new IllegalArgumentException("line " + statementLine + ": the last statement does not end with '"
                    + delimiter + "'; end it with the delimiter");
        }
    }

    private void consumeToken() {
        char c = script.charAt(pos);
        if (c == '\'' || c == '"' || c == '`') {
            quoted(c);
        } else if (c == '#' || (script.startsWith("--", pos) && isSpaceOrEnd(pos + 2))) {
            skipToEndOfLine();
        } else if (script.startsWith("/*", pos)) {
            blockComment();
        } else {
            append(c);
            pos++;
        }
    }

    private void quoted(char quote) {
        int start = line;
        append(quote);
        pos++;
        while (pos < script.length()) {
            char c = script.charAt(pos);
            if (c == '\\' && quote != '`' && pos + 1 < script.length()) {
                append(c);
                append(script.charAt(pos + 1));
                pos += 2;
                continue;
            }
            append(c);
            pos++;
            if (c == quote) {
                if (pos < script.length() && script.charAt(pos) == quote) {
                    append(quote);
                    pos++;
                } else {
                    return;
                }
            }
        }
        throw new IllegalArgumentException("line " + start + ": the quote " + quote + " opened here is never closed");
    }

    private void blockComment() {
        int end = script.indexOf("*/", pos + 2);
        if (end < 0) {
            throw new IllegalArgumentException("line " + line + ": the comment /* opened here is never closed");
        }
        for (int i = pos; i < end + 2; i++) {
            append(script.charAt(i));
        }
        pos = end + 2;
    }

    private void append(char c) {
        if (!started) {
            started = true;
            statementLine = line;
        }
        newlineAware(c);
        statement.append(c);
    }

    private void newlineAware(char c) {
        if (c == '\n') {
            line++;
        }
    }

    private void endStatement() {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            pieces.add(new Piece(statementLine, text, false));
        }
        statement.setLength(0);
        started = false;
    }

    private boolean lineStartsWith(String prefix) {
        return restOfLine().toUpperCase(Locale.ROOT).startsWith(prefix);
    }

    private String restOfLine() {
        int end = script.indexOf('\n', pos);
        return script.substring(pos, end < 0 ? script.length() : end);
    }

    private void skipLine() {
        skipToEndOfLine();
        if (pos < script.length()) {
            pos++;
            line++;
        }
    }

    private void skipToEndOfLine() {
        int end = script.indexOf('\n', pos);
        pos = end < 0 ? script.length() : end;
    }

    private boolean isSpaceOrEnd(int at) {
        return at >= script.length() || Character.isWhitespace(script.charAt(at));
    }

    private void requireDelimiter() {
        if (delimiter.isEmpty() || delimiter.contains("'") || delimiter.contains("\"")) {
            throw new IllegalArgumentException("line " + line + ": DELIMITER needs a delimiter without quotes");
        }
    }
}
