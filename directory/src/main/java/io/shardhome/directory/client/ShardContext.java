package io.shardhome.directory.client;

import io.shardhome.filter.map.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * The shard (customer) the current thread works on, for {@link ShardRoutingDataSource}. The one obvious
 * way to set it:
 *
 * <pre>{@code
 * ShardContext.run("acme", () -> jdbcTemplate.update(...));              // routed to acme's home master
 * List<Note> notes = ShardContext.call("acme", AccessMode.READ_ONLY, () -> repository.findAll());
 * }</pre>
 *
 * <p>Scopes nest and restore the outer shard when they end ({@link #enter} gives the scope itself, for
 * try-with-resources). Thread-confined (a {@link ThreadLocal}); hand the shard id over explicitly to
 * other threads.
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

    /** Work on a shard that may throw. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /** Work on a shard without a result that may throw. */
    @FunctionalInterface
    public interface VoidWork<E extends Exception> {
        void run() throws E;
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

    /** Runs {@code work} with reads and writes on {@code shardId}, then restores the outer shard. */
    public static <E extends Exception> void run(String shardId, VoidWork<E> work) throws E {
        run(shardId, AccessMode.READ_WRITE, work);
    }

    public static <E extends Exception> void run(String shardId, AccessMode mode, VoidWork<E> work) throws E {
        try (Scope scope = enter(shardId, mode)) {
            work.run();
        }
    }

    /** Calls {@code work} with reads and writes on {@code shardId} and returns its result. */
    public static <T, E extends Exception> T call(String shardId, Work<T, E> work) throws E {
        return call(shardId, AccessMode.READ_WRITE, work);
    }

    public static <T, E extends Exception> T call(String shardId, AccessMode mode, Work<T, E> work) throws E {
        try (Scope scope = enter(shardId, mode)) {
            return work.call();
        }
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
