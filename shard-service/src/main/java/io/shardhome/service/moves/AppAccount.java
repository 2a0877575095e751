package io.shardhome.service.moves;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The application's database account whose writes a move fences ({@code 'user'@'host'}). Immutable.
 */
public record AppAccount(String user, String host) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.%-]{1,80}");

    public AppAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        if (!SAFE.matcher(user).matches() || !SAFE.matcher(host).matches()) {
            throw new MoveException(
                    MoveException.Code.FENCE_IMPOSSIBLE,
                    "application account '" + user + "'@'" + host + "' has characters the move engine does not"
                            + " quote; use letters, digits and _ . % - only");
        }
    }

    /** The account as SQL names it in GRANT and REVOKE. */
    public String sql() {
        return "'" + user + "'@'" + host + "'";
    }

    @Override
    public String toString() {
        return sql();
    }
}
