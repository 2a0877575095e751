package io.shardhome.links.embedded;

import java.util.Objects;

/**
 * The one unchecked exception of the embedded MariaDB module. Its {@link #code()} is stable; the message
 * says what happened and what to do.
 */
public class EmbeddedMariaDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes. */
    public enum Code {
        /** The server could not be installed, started or stopped, or its directory is in use. */
        SERVER_FAILED,
        /** The server was configured or used wrongly (a bad port, server id or account). */
        INVALID_USE
    }

    private final Code code;

    public EmbeddedMariaDbException(Code code, String message) {
        this(code, message, null);
    }

    public EmbeddedMariaDbException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
