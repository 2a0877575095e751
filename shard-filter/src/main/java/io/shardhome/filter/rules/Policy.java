package io.shardhome.filter.rules;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Locale;

/**
 * What to do with a transaction a rule objects to (an unknown shard, a wrong-master write).
 *
 * <ul>
 *   <li>{@code ERROR} (default): fail; the link goes OFFLINE:ERROR naming the transaction.
 *   <li>{@code WARN}: apply it, with a warning in the decision.
 *   <li>{@code DROP}: drop it silently (counted).
 *   <li>{@code ACCEPT}: apply it, no warning.
 * </ul>
 */
public enum Policy {
    ERROR,
    WARN,
    DROP,
    ACCEPT;

    /**
     * Parses {@code error|warn|drop|accept}, case-insensitive, surrounding blanks ignored.
     *
     * @throws ShardFilterException {@code INVALID_POLICY} for anything else, null included
     */
    public static Policy parse(String text) {
        String normalized = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Policy policy : values()) {
            if (policy.name().equals(normalized)) {
                return policy;
            }
        }
        throw new ShardFilterException(
                Code.INVALID_POLICY, "policy '" + text + "' is unknown; use one of error, warn, drop, accept");
    }

    /** The policy as written in configuration, e.g. {@code warn}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
