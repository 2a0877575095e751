package io.shardhome.directory;

import java.util.Objects;

/**
 * The one unchecked exception of the directory module. Its {@link #code()} is stable and meant for
 * programs and operators; its message says what happened and what to do about it.
 */
public class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of the directory module. */
    public enum Code {
        /** A compare-and-set lost: the caller's version is stale. {@link #currentVersion()} is set. */
        CONFLICT,
        UNKNOWN_SITE,
        UNKNOWN_SHARD,
        SHARD_EXISTS,
        SITE_EXISTS,
        /** A site cannot be removed while shards are homed there. */
        SITE_IN_USE,
        INVALID_INPUT,
        /** The caller's ZooKeeper identity may not write the directory tree. */
        ACCESS_DENIED,
        /** ZooKeeper could not be reached or the session was lost during the operation. */
        UNAVAILABLE,
        /** Data in ZooKeeper could not be decoded. */
        CORRUPT_DATA,
        /** The calling thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED,
        /** A component was used before start or after close. */
        ILLEGAL_STATE
    }

    private final Code code;
    private final long currentVersion;

    public DirectoryException(Code code, String message) {
        this(code, message, -1, null);
    }

    public DirectoryException(Code code, String message, Throwable cause) {
        this(code, message, -1, cause);
    }

    private DirectoryException(Code code, String message, long currentVersion, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.currentVersion = currentVersion;
    }

    /** A stale-write conflict naming the version that is current now. */
    public static DirectoryException conflict(String what, long expectedVersion, long currentVersion) {
        return new DirectoryException(
                Code.CONFLICT,
                what + " failed: you read map version " + expectedVersion + " but the current version is "
                        + currentVersion + "; re-read the directory, check the change still applies and retry with "
                        + "version " + currentVersion,
                currentVersion,
                null);
    }

    public Code code() {
        return code;
    }

    /** For {@link Code#CONFLICT}: the version current when the write was refused; otherwise -1. */
    public long currentVersion() {
        return currentVersion;
    }
}
