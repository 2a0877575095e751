package io.shardhome.directory.client;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * A write connection was refused because the shard is FENCED: a move of its home is cutting over.
 * Retryable: the fence lasts only for the cut-over, so retry the unit of work after a short back-off
 * (it will then be routed to the shard's new home).
 *
 * <p>SQLState {@value #SQL_STATE} ("server rejected establishment of SQL-connection", class 08 =
 * connection exception). As an {@link SQLTransientConnectionException} Spring translates it to a
 * {@code TransientDataAccessResourceException}, which retry templates treat as retryable.
 */
public class ShardFencedException extends SQLTransientConnectionException {
    private static final long serialVersionUID = 1L;

    /** The SQLState of this exception. */
    public static final String SQL_STATE = "08004";

    private final String shardId;
    private final long mapVersion;

    public ShardFencedException(String shardId, long mapVersion) {
        this(shardId, mapVersion, Duration.ZERO);
    }

    /** @param waited how long the request waited for the fence to end before giving up */
    public ShardFencedException(String shardId, long mapVersion, Duration waited) {
        super(
                "shard '" + shardId + "' is FENCED (map version " + mapVersion + "): a move of its home is cutting "
                        + "over and writes are refused"
                        + (waited.isZero() ? "" : "; waited " + waited.toMillis() + " ms for it to end") + "; retry in"
                        + " a moment",
                SQL_STATE);
        this.shardId = shardId;
        this.mapVersion = mapVersion;
    }

    public String shardId() {
        return shardId;
    }

    public long mapVersion() {
        return mapVersion;
    }
}
