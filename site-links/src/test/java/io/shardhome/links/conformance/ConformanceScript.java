package io.shardhome.links.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One script of the conformance corpus ({@code src/test/resources/conformance/*.sql}), parsed: its header,
 * what it expects of the link, and its statements. Immutable.
 *
 * <p>The header is the leading block of {@code --} comment lines: {@code -- covers: ...} (free text, may
 * span several lines), {@code -- expect: identical} or {@code -- expect: stop <CODE> <text fragment>},
 * optionally {@code -- expect-shard: <shard>} (a stop's shard, default {@code acme}) and {@code --
 * timeout: <seconds>} (how long the link may take to catch up, default 60). A script that expects a stop
 * marks where the offending transaction begins with a {@code -- @offending} line: what comes before it must
 * replicate identically, nothing from it on may reach the copy. {@code -- @error <errno>} before a
 * statement says the statement must fail with that server error (the script goes on).
 *
 * @param prefix the steps before {@code -- @offending} (all steps for {@code identical})
 * @param offending the steps from {@code -- @offending} on (empty for {@code identical})
 */
record ConformanceScript(
        String name,
        String covers,
        Expectation expectation,
        Duration timeout,
        List<Step> prefix,
        List<Step> offending) {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** One statement to run, at {@code line} of the script, failing with {@code expectedError} when not 0. */
    record Step(int line, String sql, int expectedError) {}

    ConformanceScript {
        prefix = List.copyOf(prefix);
        offending = List.copyOf(offending);
    }

    /**
     * Parses {@code text}, the script named {@code name}.
     *
     * @throws IllegalArgumentException naming the script and line of a malformed header, directive or
     *     statement
     */
    static ConformanceScript parse(String name, String text) {
        try {
            return parseChecked(name, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conformance script " + name + ": " + e.getMessage(), e);
        }
    }

    private static ConformanceScript parseChecked(String name, String text) {
        StringBuilder covers = new StringBuilder();
        Expectation expectation = null;
        String shard = null;
        Duration timeout = DEFAULT_TIMEOUT;
        String lastKey = "";
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            String body = line.substring(2).strip();
            Optional<String> key = headerKey(body);
            String value = key.map(k -> body.substring(k.length() + 1).strip()).orElse(body);
            lastKey = key.orElse(lastKey);
            switch (key.orElse(lastKey.equals("covers") ? "covers" : "")) {
                case "covers" -> covers.append(covers.isEmpty() ? "" : " ").append(value);
                case "expect" -> expectation = Expectation.parse(value);
                case "expect-shard" -> shard = value;
                case "timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
                default -> {}
            }
        }
        if (expectation == null || covers.isEmpty()) {
            throw new IllegalArgumentException(
                    "the header (leading '--' lines) needs '-- covers: <what>' and '-- expect: identical' or"
                            + " '-- expect: stop <CODE> <text fragment>'");
        }
        if (shard != null) {
            expectation = expectation.withShard(shard);
        }
        return steps(name, covers.toString(), expectation, timeout, SqlSplitter.split(text));
    }

    private static Optional<String> headerKey(String body) {
        for (String key : List.of("covers", "expect-shard", "expect", "timeout")) {
            if (body.startsWith(key + ":")) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static ConformanceScript steps(
            String name, String covers, Expectation expectation, Duration timeout, List<SqlSplitter.Piece> pieces) {
        List<Step> prefix = new ArrayList<>();
        List<Step> offending = new ArrayList<>();
        List<Step> current = prefix;
        int expectedError = 0;
        for (SqlSplitter.Piece piece : pieces) {
            if (!piece.directive()) {
                current.add(new Step(piece.line(), piece.text(), expectedError));
                expectedError = 0;
            } else if (piece.text().equals("@offending") && current == prefix) {
                current = offending;
            } else if (piece.text().matches("@error \\d+")) {
                expectedError = Integer.parseInt(piece.text().substring("@error ".length()));
            } else {
                throw new IllegalArgumentException("line " + piece.line() + ": unknown or repeated directive '-- "
                        + piece.text() + "'; known: '-- @offending' (once), '-- @error <errno>'");
            }
        }
        if (expectation.stops() == offending.isEmpty()) {
            throw new IllegalArgumentException(
                    expectation.stops()
                            ? "a script that expects a stop marks its offending transaction with a '-- @offending' line"
                            : "'-- @offending' belongs only in a script that expects a stop");
        }
        return new ConformanceScript(name, covers, expectation, timeout, prefix, offending);
    }

    @Override
    public String toString() {
        return name;
    }
}
