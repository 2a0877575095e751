package io.shardhome.links.source;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a logged statement is, from its first words. Row-based binlogs carry statements only for
 * transaction control, savepoints, XA and DDL; anything else is DML logged as a statement (MIXED or
 * STATEMENT format, or a session override), which a link cannot replay faithfully, or something it does
 * not know. Pure.
 */
public enum StatementKind {
    BEGIN,
    COMMIT,
    ROLLBACK,
    /** SAVEPOINT, ROLLBACK TO [SAVEPOINT], RELEASE SAVEPOINT: replayed inside the transaction. */
    SAVEPOINT,
    XA,
    DDL,
    /** INSERT, UPDATE, DELETE, REPLACE, LOAD DATA, CALL, ... logged as a statement. */
    DML,
    /** A placeholder the master sent instead of an event this reader did not declare it understands. */
    DUMMY,
    UNKNOWN;

    private static final Pattern SAVEPOINT_STATEMENT = Pattern.compile(
            "^(?:SAVEPOINT\\s+|ROLLBACK\\s+(?:WORK\\s+)?TO\\s+(?:SAVEPOINT\\s+)?|RELEASE\\s+SAVEPOINT\\s+)"
                    + "(?:`(?:[^`]|``)+`|[\\w$]+)\\s*;?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DDL_WORDS = Set.of(
            "CREATE",
            "ALTER",
            "DROP",
            "RENAME",
            "TRUNCATE",
            "GRANT",
            "REVOKE",
            "ANALYZE",
            "OPTIMIZE",
            "REPAIR",
            "FLUSH",
            "INSTALL",
            "UNINSTALL",
            "SET");
    private static final Set<String> DML_WORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "REPLACE", "LOAD", "CALL", "DO", "SELECT", "WITH", "VALUES", "HANDLER",
            "EXECUTE", "TABLE");

    /** The kind of {@code sql} (comments and executable-comment markers are looked through). */
    public static StatementKind of(String sql) {
        if (sql.startsWith("# Dummy event")) {
            return DUMMY;
        }
        String text = SqlText.withoutComments(sql).strip();
        String word = firstWord(text);
        return switch (word) {
            case "BEGIN" -> BEGIN;
            case "COMMIT" -> COMMIT;
            case "XA" -> XA;
            case "SAVEPOINT", "RELEASE" -> savepointOrUnknown(text);
            case "ROLLBACK" -> text.length() == "ROLLBACK".length() || isSavepoint(text) ? rollbackKind(text) : UNKNOWN;
            default -> DDL_WORDS.contains(word) ? ddlOrUnknown(word, text) : DML_WORDS.contains(word) ? DML : UNKNOWN;
        };
    }

    private static StatementKind savepointOrUnknown(String text) {
        return isSavepoint(text) ? SAVEPOINT : UNKNOWN;
    }

    private static StatementKind rollbackKind(String text) {
        return isSavepoint(text) ? SAVEPOINT : ROLLBACK;
    }

    private static boolean isSavepoint(String text) {
        return SAVEPOINT_STATEMENT.matcher(text).matches();
    }

    /** SET statements in a binlog are account statements (SET PASSWORD, SET DEFAULT ROLE); others are not DDL. */
    private static StatementKind ddlOrUnknown(String word, String text) {
        if ("CREATE".equals(word)) {
            return createsTableFromSelect(text) ? DML : DDL;
        }
        if (!"SET".equals(word)) {
            return DDL;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.matches("^SET\\s+(PASSWORD|DEFAULT\\s+ROLE)\\b[\\s\\S]*") ? DDL : UNKNOWN;
    }

    /**
     * {@code CREATE TABLE ... SELECT} logged as one statement (STATEMENT format): its rows come from the
     * target's own data if replayed. In ROW format the server logs the table definition and the rows apart.
     */
    private static boolean createsTableFromSelect(String text) {
        java.util.List<String> tokens = SqlText.tokens(text);
        boolean table = false;
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i).toUpperCase(Locale.ROOT);
            if (!table
                    && (token.equals("VIEW")
                            || token.equals("TRIGGER")
                            || token.equals("PROCEDURE")
                            || token.equals("FUNCTION")
                            || token.equals("EVENT"))) {
                return false;
            }
            table |= token.equals("TABLE");
            if (table && token.equals("SELECT")) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
