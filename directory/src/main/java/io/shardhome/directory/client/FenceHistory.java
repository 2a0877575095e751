package io.shardhome.directory.client;

import java.util.OptionalLong;

/**
 * When a map source last saw each shard FENCED. After a move's fence ends, the new home may take a moment
 * to open writes (the move grants them only once the links from the new home have seen the flip), so a
 * writer that knows the shard was just fenced checks before it hands out a connection there (see {@link
 * RoutingOptions#fenceWait()}). Thread-safe.
 */
@FunctionalInterface
public interface FenceHistory {
    /** A history that never saw a fence. */
    FenceHistory NONE = shardId -> OptionalLong.empty();

    /**
     * The {@link System#nanoTime()} at which {@code shardId} was last seen FENCED (the moment a snapshot
     * showed it fenced, or the moment one showed that it no longer is), or empty when it was not seen
     * fenced recently.
     */
    OptionalLong lastFencedNanos(String shardId);
}
