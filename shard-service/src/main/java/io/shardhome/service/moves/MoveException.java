package io.shardhome.service.moves;

import java.util.Objects;

/**
 * The one unchecked exception of the move engine. Its {@link #code()} is stable (the REST layer maps it
 * to a problem {@code code}); its message says what happened and what the operator should do.
 */
public class MoveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of shard moves. */
    public enum Code {
        /** The shard already has a move that has not finished (answered as 409). */
        MOVE_IN_PROGRESS,
        /** The link from the shard's home to the target is not ONLINE, lags, or has not published a status. */
        LINK_NOT_READY,
        /** The target did not apply the source's fenced position in time; the move was rolled back. */
        CATCH_UP_TIMEOUT,
        UNKNOWN_SHARD,
        /** The target site is not registered, or the engine has no master account for a site. */
        UNKNOWN_SITE,
        UNKNOWN_MOVE,
        /** The shard cannot be moved there (already homed there, #LOCAL, or not ACTIVE). */
        NOT_MOVABLE,
        /** The move is past the flip and can only finish; it cannot be cancelled. */
        NOT_CANCELLABLE,
        /** A site master refused or failed a fencing statement (grants, kills, position). */
        MASTER_FAILED,
        /** The application account cannot be fenced per schema (global write grants, missing account). */
        FENCE_IMPOSSIBLE,
        /** The directory (ZooKeeper) failed or the shard changed under the move. */
        DIRECTORY_FAILED,
        /** The engine was used after close. */
        ILLEGAL_STATE
    }

    private final Code code;

    public MoveException(Code code, String message) {
        this(code, message, null);
    }

    public MoveException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
