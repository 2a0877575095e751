package io.shardhome.links;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes row values from messages before they are published (to the directory, where every shardhome
 * instance and the API's reader role see them): the values servers quote in their errors ({@code Duplicate
 * entry '...'}, {@code Incorrect integer value: '...'}), the {@code column=value} pairs of key
 * descriptions ({@code key [id=5, email=a@b]}), and long binary/base64 literals. Messages that render row
 * values in another form must not reach a published status. Table and column names, GTIDs, error codes and the advice
 * stay. The full message stays in the instance's own log. Pure and thread-safe.
 */
public final class StatusRedaction {
    /** What replaces a removed value. */
    public static final String HIDDEN = "<redacted>";

    private static final List<Pattern> QUOTED_VALUES = List.of(
            // MariaDB/MySQL: Duplicate entry 'v' for key 'k'
            Pattern.compile("(?i)(duplicate entry )'(?:[^'\\\\]|\\\\.|'')*'"),
            // Incorrect/Truncated incorrect <type> value: 'v' ..., Invalid ... value 'v'
            Pattern.compile("(?i)(value:? )'(?:[^'\\\\]|\\\\.|'')*'"));
    /** A key description as appliers render one: {@code key [id=5, email=a@b]} or {@code key (id=5)}. */
    private static final Pattern KEY = Pattern.compile("(?i)(key:? )(\\[[^\\]]*\\]|\\([^)]*\\))");
    /** A {@code name=value} pair inside a key description. */
    private static final Pattern KEY_VALUE =
            Pattern.compile("([A-Za-z0-9_$]+)=(?:'(?:[^'\\\\]|\\\\.|'')*'|[^,\\])\\s]+)");
    /** Hex literals and base64 runs (row images of BINLOG statements). */
    private static final Pattern BLOBS = Pattern.compile("0x[0-9A-Fa-f]{8,}|[A-Za-z0-9+/]{40,}={0,2}");

    private StatusRedaction() {}

    /** {@code message} without row values; null stays null. */
    public static String redact(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String text = message;
        for (Pattern pattern : QUOTED_VALUES) {
            text = pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "'" + HIDDEN + "'"));
        }
        text = KEY.matcher(text)
                .replaceAll(key -> Matcher.quoteReplacement(key.group(1)
                        + KEY_VALUE
                                .matcher(key.group(2))
                                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + HIDDEN))));
        return BLOBS.matcher(text).replaceAll(HIDDEN);
    }
}
