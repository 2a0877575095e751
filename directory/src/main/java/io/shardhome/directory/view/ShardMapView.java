package io.shardhome.directory.view;

import io.shardhome.filter.map.ShardMap;
import java.time.Duration;

/**
 * A live, in-memory view of the shard map held in the directory.
 *
 * <p>Thread-safety: all methods may be called from any thread. {@link #current()} is a volatile read
 * and never blocks or does I/O, so it is safe on hot paths (binlog event handling, lookups).
 *
 * <p>Staleness: the snapshot is replaced atomically when the directory changes; while the ZooKeeper
 * session is suspended or lost the view keeps serving the last snapshot and {@link #isConnected()}
 * is false; {@link #staleness()} says how long ago the snapshot was last confirmed current.
 */
public interface ShardMapView extends AutoCloseable {

    /** The latest snapshot; never null (an empty map of version 0 before the first read). */
    ShardMap current();

    /** Registers a listener called, in version order, with each new snapshot. */
    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** True while the view's ZooKeeper session is connected. */
    boolean isConnected();

    /** Time since the current snapshot was last confirmed to match the directory. */
    Duration staleness();

    @Override
    void close();

    /** Receives new snapshots. Called from the view's own thread; must not block for long. */
    @FunctionalInterface
    interface Listener {
        void mapChanged(ShardMap newMap);
    }
}
