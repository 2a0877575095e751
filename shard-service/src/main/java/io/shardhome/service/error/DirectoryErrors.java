package io.shardhome.service.error;

import io.shardhome.directory.DirectoryException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.Map;

/** Translates directory failures into service failures with the right HTTP meaning. Stateless. */
public final class DirectoryErrors {
    private DirectoryErrors() {}

    public static ServiceException translate(DirectoryException e) {
        if (e.code() == DirectoryException.Code.CONFLICT) {
            return stale(e.currentVersion(), e);
        }
        return new ServiceException(codeOf(e.code()), e.getMessage(), Map.of(), e);
    }

    /** An If-Match version that lost against {@code currentVersion}. */
    public static ServiceException stale(long currentVersion, Throwable cause) {
        return new ServiceException(
                Code.VERSION_MISMATCH,
                "the version in If-Match is no longer current (the map is at version " + currentVersion
                        + "); read the resource again, check your change still applies and retry with If-Match: \""
                        + currentVersion + "\"",
                Map.of("currentVersion", currentVersion),
                cause);
    }

    static Code codeOf(DirectoryException.Code code) {
        return switch (code) {
            case CONFLICT -> Code.VERSION_MISMATCH;
            case UNKNOWN_SITE -> Code.UNKNOWN_SITE;
            case UNKNOWN_SHARD -> Code.SHARD_NOT_FOUND;
            case SHARD_EXISTS -> Code.SHARD_EXISTS;
            case SITE_EXISTS -> Code.SITE_EXISTS;
            case SITE_IN_USE -> Code.SITE_IN_USE;
            case INVALID_INPUT -> Code.INVALID_INPUT;
            case ACCESS_DENIED, UNAVAILABLE, INTERRUPTED -> Code.DIRECTORY_UNAVAILABLE;
            case CORRUPT_DATA, ILLEGAL_STATE -> Code.INTERNAL;
        };
    }
}
