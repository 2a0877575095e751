package io.shardhome.directory.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ShardRoutingDataSource} routes. Immutable.
 *
 * @param localSite the site the application runs at: where {@code #LOCAL} shards live and where read-only
 *     work may be served from a copy; null when none
 * @param fenceWait how long a read-write connection request waits while its shard is FENCED (a move is
 *     cutting over) before it fails with {@link ShardFencedException}; the same budget bounds the check
 *     that writes are open at the new home after the fence. Zero refuses at once.
 * @param fenceHistory when shards were last seen fenced; writers check that writes are open at the home
 *     after a recent fence. {@link FenceHistory#NONE}: never check
 * @param readRouting where read-only work may go besides the home
 */
public record RoutingOptions(String localSite, Duration fenceWait, FenceHistory fenceHistory, ReadRouting readRouting) {
    public RoutingOptions {
        Objects.requireNonNull(fenceWait, "fenceWait");
        Objects.requireNonNull(fenceHistory, "fenceHistory");
        Objects.requireNonNull(readRouting, "readRouting");
        if (fenceWait.isNegative()) {
            throw new IllegalArgumentException("fenceWait must not be negative, got " + fenceWait);
        }
    }

    /** No waiting (a FENCED shard refuses writes at once), reads at the home. */
    public static RoutingOptions defaults(String localSite) {
        return new RoutingOptions(localSite, Duration.ZERO, FenceHistory.NONE, ReadRouting.HOME);
    }
}
