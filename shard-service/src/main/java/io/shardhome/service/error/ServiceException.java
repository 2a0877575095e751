package io.shardhome.service.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The one unchecked exception of the shard service. Its {@link #code()} is stable (it becomes the
 * {@code code} property of the RFC 9457 problem response) and its message says what happened and what
 * the caller should do.
 */
public class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable error codes, each with the HTTP status it is answered with. */
    public enum Code {
        INVALID_INPUT(HttpStatus.BAD_REQUEST),
        /** A CSV shard map has errors; the problem lists each with line and column. */
        INVALID_MAP(HttpStatus.BAD_REQUEST),
        UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
        FORBIDDEN(HttpStatus.FORBIDDEN),
        NOT_FOUND(HttpStatus.NOT_FOUND),
        SHARD_NOT_FOUND(HttpStatus.NOT_FOUND),
        SITE_NOT_FOUND(HttpStatus.NOT_FOUND),
        LINK_NOT_FOUND(HttpStatus.NOT_FOUND),
        MOVE_NOT_FOUND(HttpStatus.NOT_FOUND),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
        SHARD_EXISTS(HttpStatus.CONFLICT),
        SITE_EXISTS(HttpStatus.CONFLICT),
        SITE_IN_USE(HttpStatus.CONFLICT),
        /** The shard already has a move that has not ended. */
        MOVE_IN_PROGRESS(HttpStatus.CONFLICT),
        /** A skip named another transaction than the one the link stopped at, or the link is not stopped. */
        LINK_SKIP_REFUSED(HttpStatus.CONFLICT),
        /** A consistency check cannot run as asked (e.g. the site named is the shard's home). */
        CHECK_REFUSED(HttpStatus.CONFLICT),
        /** A re-seed cannot run (the site is the shard's home, the shard moves, one already runs, ...). */
        RESEED_REFUSED(HttpStatus.CONFLICT),
        /**
         * The request would change a shard (or remove a site) that a move owns now; the problem names the
         * move ({@code moveId}).
         */
        SHARD_MOVING(HttpStatus.CONFLICT),
        /** A request body is larger than the configured limit. */
        PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
        /** The link from the shard's home to the target is not ONLINE, lags, or publishes no status. */
        LINK_NOT_READY(HttpStatus.CONFLICT),
        /** The shard cannot move there (already homed there, #LOCAL, or not ACTIVE). */
        NOT_MOVABLE(HttpStatus.CONFLICT),
        /** The move has flipped the home and can only finish. */
        NOT_CANCELLABLE(HttpStatus.CONFLICT),
        /**
         * A site failover or return cannot run as asked (already DOWN, no surviving site, {@code --to} not
         * ACTIVE, a move owns one of its shards, the site is not DOWN, ...).
         */
        FAILOVER_REFUSED(HttpStatus.CONFLICT),
        /** The application account cannot be fenced per schema at the source. */
        FENCE_IMPOSSIBLE(HttpStatus.CONFLICT),
        /** If-Match named a version that is no longer current; the problem carries {@code currentVersion}. */
        VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        /** A shard would be homed at a site that is not registered. */
        UNKNOWN_SITE(HttpStatus.UNPROCESSABLE_ENTITY),
        /** A request body names a shard that is not in the map. */
        UNKNOWN_SHARD(HttpStatus.UNPROCESSABLE_ENTITY),
        /** A site master refused or failed a statement the service needed. */
        MASTER_FAILED(HttpStatus.BAD_GATEWAY),
        /** Moves run in the instance leading them; this one is not it (the problem names the leader). */
        NOT_MOVE_LEADER(HttpStatus.SERVICE_UNAVAILABLE),
        INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
        /** The directory (ZooKeeper) cannot be reached or refused the service's identity. */
        DIRECTORY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
        /** This instance streams the map to as many watchers as it may (shardhome.map-feed.max-watchers). */
        TOO_MANY_WATCHERS(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Code code;
    private final Map<String, Object> properties;

    public ServiceException(Code code, String message) {
        this(code, message, Map.of(), null);
    }

    public ServiceException(Code code, String message, Map<String, ?> properties, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
    }

    public Code code() {
        return code;
    }

    /** Extra problem properties, e.g. {@code currentVersion} or {@code errors}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
