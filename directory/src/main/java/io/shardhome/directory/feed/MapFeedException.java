package io.shardhome.directory.feed;

import java.util.Objects;

/** What went wrong with the map feed (the service's stream of shard map changes). */
public class MapFeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes of the map feed. */
    public enum Code {
        /** A change does not start at the version the client holds: reload the whole map. */
        GAP,
        /** An event could not be decoded or holds invalid values. */
        INVALID_EVENT
    }

    private final Code code;

    public MapFeedException(Code code, String message) {
        this(code, message, null);
    }

    public MapFeedException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
