package io.shardhome.links.source;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which schemas a logged statement changes, from the statement itself: a QUERY event's
 * database is only the session's default schema ({@code TRUNCATE TABLE bench.t} without {@code USE} has
 * none). Names after TABLE, ON, TO, LIKE, REFERENCES, FROM, JOIN, VIEW, ... (and lists of them) count,
 * qualified or else in the default schema; {@code CREATE/ALTER/DROP DATABASE x} is schema {@code x};
 * account statements belong to {@code mysql}. Pure and thread-safe.
 */
public final class StatementSchemas {
    private static final Pattern DATABASE_DDL = Pattern.compile(
            "^(?:CREATE|ALTER|DROP)\\s+(?:DATABASE|SCHEMA)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(`(?:[^`]|``)+`|[^\\s;]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNT = Pattern.compile(
            "^(?:CREATE|ALTER|DROP|RENAME)\\s+(?:USER|ROLE)\\b|^(?:GRANT|REVOKE|SET\\s+PASSWORD|SET\\s+DEFAULT\\s+ROLE|FLUSH)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NAME_FOLLOWS = Set.of(
            "TABLE",
            "TABLES",
            "ON",
            "TO",
            "LIKE",
            "REFERENCES",
            "FROM",
            "JOIN",
            "INTO",
            "VIEW",
            "TRIGGER",
            "PROCEDURE",
            "FUNCTION",
            "EVENT",
            "SEQUENCE",
            "EXISTS",
            "TRUNCATE",
            "UPDATE");
    private static final Set<String> NOT_NAMES = Set.of("IF", "NOT", "EXISTS", "TABLE", "SELECT", "(");

    private StatementSchemas() {}

    /** The schemas {@code sql} changes, when it runs with {@code defaultSchema} (empty for none). */
    public static Set<String> of(String sql, String defaultSchema) {
        String text = SqlText.withoutComments(sql).strip();
        Matcher database = DATABASE_DDL.matcher(text);
        if (database.find()) {
            return Set.of(SqlText.unquote(database.group(1)));
        }
        if (ACCOUNT.matcher(text).find()) {
            return Set.of("mysql");
        }
        Set<String> schemas = new TreeSet<>();
        List<String> tokens = SqlText.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (startsName(tokens, i)) {
                i = readName(tokens, i, defaultSchema, schemas);
            }
        }
        return schemas;
    }

    private static boolean startsName(List<String> tokens, int i) {
        if (i == 0 || NOT_NAMES.contains(tokens.get(i).toUpperCase(Locale.ROOT))) {
            return false;
        }
        return NAME_FOLLOWS.contains(tokens.get(i - 1).toUpperCase(Locale.ROOT));
    }

    /** Reads {@code [schema.]name} (and {@code , [schema.]name ...}) from {@code i}; returns the last index. */
    private static int readName(List<String> tokens, int i, String defaultSchema, Set<String> schemas) {
        int at = i;
        while (true) {
            if (at + 2 < tokens.size() && ".".equals(tokens.get(at + 1))) {
                schemas.add(SqlText.unquote(tokens.get(at)));
                at += 2;
            } else if (!defaultSchema.isEmpty()) {
                schemas.add(defaultSchema);
            }
            if (at + 2 < tokens.size() && ",".equals(tokens.get(at + 1)) && isIdentifier(tokens.get(at + 2))) {
                at += 2;
            } else {
                return at;
            }
        }
    }

    private static boolean isIdentifier(String token) {
        return token.startsWith("`") || Character.isLetterOrDigit(token.charAt(0)) || token.charAt(0) == '_';
    }
}
