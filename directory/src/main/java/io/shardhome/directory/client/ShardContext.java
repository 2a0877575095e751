package io.shardhome.directory.client;

import io.shardhome.filter.map.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * The shard (customer) the current thread works on, for {@link ShardRoutingDataSource}. Scopes nest and
 * restore the outer shard on close:
 *
 * <pre>{@code
 * try (ShardContext.Scope s = ShardContext.enter("acme")) {
 *     jdbcTemplate.update(...);   // routed to acme's home master
 * }
 * }</pre>
 *
 * <p>Thread-confined (a {@link ThreadLocal}); hand the shard id over explicitly to other threads.
 */
public final class ShardContext {
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private ShardContext() {}

    /**
     * The thread's current shard and access mode.
     *
     * @param shardId the shard
     * @param mode what the work does with it
     */
    public record Current(String shardId, AccessMode mode) {
        public Current {
            Names.requireShardId(shardId);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Restores the previous shard when closed. */
    public static final class Scope implements AutoCloseable {
        private final Current previous;
        private boolean closed;

        private Scope(Current previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        }
    }

    /** Works on {@code shardId} with reads and writes until the scope closes. */
    public static Scope enter(String shardId) {
        return enter(shardId, AccessMode.READ_WRITE);
    }

    public static Scope enter(String shardId, AccessMode mode) {
        Current next = new Current(shardId, mode);
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(next);
        return scope;
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
