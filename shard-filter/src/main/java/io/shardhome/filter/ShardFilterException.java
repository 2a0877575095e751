package io.shardhome.filter;

import java.util.Objects;

/**
 * The one unchecked exception of the shard-filter module. Its {@link #code()} is stable and meant for
 * programs and operators to grep; its message says what happened and what to do about it.
 */
public class ShardFilterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of the shard-filter module. */
    public enum Code {
        INVALID_SHARD_ID,
        INVALID_SITE_NAME,
        INVALID_SHARD_MAP,
        DUPLICATE_SHARD,
        MALFORMED_CSV,
        INVALID_POLICY,
        INVALID_GTID
    }

    private final Code code;

    public ShardFilterException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ShardFilterException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
