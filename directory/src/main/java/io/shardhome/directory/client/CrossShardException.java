package io.shardhome.directory.client;

import java.sql.SQLNonTransientException;

/**
 * A connection of one shard was about to be used while the thread works on another: a transaction never
 * spans two shards (their homes may be different masters, and each moves on its own). Not retryable:
 * give the other shard's work its own transaction (in Spring: a method with its own shard and {@code
 * Propagation.REQUIRES_NEW}, or run it after this transaction ends).
 *
 * <p>SQLState {@value #SQL_STATE} (invalid transaction state).
 */
public class CrossShardException extends SQLNonTransientException {
    private static final long serialVersionUID = 1L;

    /** The SQLState of this exception. */
    public static final String SQL_STATE = "25000";

    private final String connectionShard;
    private final String currentShard;

    public CrossShardException(String connectionShard, String currentShard) {
        super(
                "a transaction never spans two shards: this connection belongs to shard '" + connectionShard
                        + "' but the thread now works on shard '" + currentShard + "'; give shard '" + currentShard
                        + "' its own transaction (Spring: Propagation.REQUIRES_NEW) or run it after this one ends",
                SQL_STATE);
        this.connectionShard = connectionShard;
        this.currentShard = currentShard;
    }

    /** The shard the connection was opened for. */
    public String connectionShard() {
        return connectionShard;
    }

    /** The shard the thread works on now. */
    public String currentShard() {
        return currentShard;
    }
}
