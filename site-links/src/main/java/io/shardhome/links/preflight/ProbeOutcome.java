package io.shardhome.links.preflight;

import java.util.Objects;

/**
 * What the server answered to one {@link Probe}: success, or the error code and message it refused the
 * statement with. Immutable.
 */
public record ProbeOutcome(int errorCode, String message) {
    /** The statement ran. */
    public static final ProbeOutcome OK = new ProbeOutcome(0, "");

    /** MySQL/MariaDB ER_SPECIFIC_ACCESS_DENIED_ERROR: "you need (at least one of) the X privilege(s)". */
    static final int ACCESS_DENIED = 1227;
    /** MySQL/MariaDB ER_NO_BINARY_LOGGING: "You are not using binary logging". */
    static final int NO_BINARY_LOGGING = 1381;

    public ProbeOutcome {
        Objects.requireNonNull(message, "message");
    }

    public boolean ok() {
        return errorCode == 0;
    }
}
