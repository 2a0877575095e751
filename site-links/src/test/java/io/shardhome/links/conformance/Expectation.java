package io.shardhome.links.conformance;

import java.util.Locale;

/**
 * What a conformance script expects of the link, from its header line {@code -- expect: identical} or
 * {@code -- expect: stop <CODE> <text fragment>} (plus, for a stop, an optional {@code -- expect-shard:
 * <shard>} line, default {@code acme}). Immutable.
 *
 * @param code the {@link io.shardhome.links.LinkException.Code} name the link must stop with (compared by
 *     name, so a script can name a code the applier does not have yet); empty for {@code identical}
 * @param fragment text the pending error's message must contain (ignoring case)
 * @param shard the shard the pending error must name
 */
record Expectation(boolean stops, String code, String fragment, String shard) {
    static final Expectation IDENTICAL = new Expectation(false, "", "", "");

    /**
     * Parses the value of an {@code expect:} header line.
     *
     * @throws IllegalArgumentException when it is neither {@code identical} nor {@code stop CODE text}
     */
    static Expectation parse(String value) {
        String v = value.strip();
        if (v.equals("identical")) {
            return IDENTICAL;
        }
        String[] parts = v.split("\\s+", 3);
        if (parts.length == 3 && parts[0].equals("stop") && parts[1].matches("[A-Z][A-Z_]*")) {
            return new Expectation(true, parts[1], parts[2].strip(), "acme");
        }
        throw new IllegalArgumentException("'expect: " + value + "' is neither 'expect: identical' nor"
                + " 'expect: stop <CODE> <text fragment>' (e.g. 'expect: stop RULE_REJECTED unknown shard')");
    }

    Expectation withShard(String stoppedShard) {
        return new Expectation(stops, code, fragment, stoppedShard);
    }

    /** Whether {@code message} contains the expected fragment, ignoring case. */
    boolean matchesMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return stops ? "stop " + code + " '" + fragment + "' shard " + shard : "identical";
    }
}
