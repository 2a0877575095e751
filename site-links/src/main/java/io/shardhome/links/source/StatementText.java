package io.shardhome.links.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A logged statement's text, decoded with its session's client character set, and the ways messages may
 * quote it: DDL in part, a statement that may carry row values only by its first words. Immutable.
 *
 * @param utf8 whether the client character set sends the same bytes as UTF-8 (utf8mb3, utf8mb4, ascii), so
 *     a replay can keep it
 */
record StatementText(String text, boolean utf8) {
    private static final Set<String> UTF8_COMPATIBLE = Set.of("utf8mb4", "utf8mb3", "utf8", "ascii");
    private static final Set<String> VALUES_FOLLOW = Set.of("VALUES", "VALUE", "SET", "SELECT", "WHERE");

    /** Decodes {@code query}'s bytes with its client character set as {@code catalog} names it. */
    static StatementText decode(EventBodies.Query query, SourceCatalog catalog) {
        Integer collation = query.context().clientCollation();
        String charset = collation == null ? "utf8mb4" : catalog.collation(collation)[0];
        String javaName = Charsets.javaName(charset);
        Charset decoder = javaName == null ? StandardCharsets.ISO_8859_1 : Charset.forName(javaName);
        return new StatementText(new String(query.sql(), decoder), UTF8_COMPATIBLE.contains(charset));
    }

    /** The first words of a statement that may carry row values: its verb and table, never its values. */
    static String firstWords(String sql) {
        List<String> tokens = SqlText.tokens(SqlText.withoutComments(sql));
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < Math.min(8, tokens.size()); i++) {
            String token = tokens.get(i);
            if (token.startsWith("'")
                    || token.startsWith("\"")
                    || token.equals("(")
                    || VALUES_FOLLOW.contains(token.toUpperCase(Locale.ROOT))) {
                break;
            }
            boolean glued = token.equals(".") || (i > 0 && tokens.get(i - 1).equals("."));
            out.append(i == 0 || glued ? "" : " ").append(token);
        }
        return out.append(" ...'").toString();
    }

    /** A DDL statement's first 120 characters, flattened. */
    static String excerpt(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return "'" + (flat.length() > 120 ? flat.substring(0, 120) + "..." : flat) + "'";
    }
}
