package io.shardhome.client;

import java.util.Objects;

/**
 * The one unchecked exception of the application side (starter and map sources). Its {@link #code()} is
 * stable; its message says what happened and what to do.
 */
public class ShardhomeClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of the application side. */
    public enum Code {
        /** The configuration is incomplete or contradicts itself; the message names the property. */
        INVALID_CONFIG,
        /** No shard map could be had from the service or ZooKeeper in time. */
        UNAVAILABLE,
        /** The service refused the client (token, version, capacity); the message says why. */
        REFUSED,
        /** A component was used after close. */
        ILLEGAL_STATE
    }

    private final Code code;

    public ShardhomeClientException(Code code, String message) {
        this(code, message, null);
    }

    public ShardhomeClientException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
