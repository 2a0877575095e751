package io.shardhome.client;

import io.shardhome.directory.client.FenceHistory;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.view.DirectorySnapshotSource;
import java.time.Duration;
import java.util.Optional;

/**
 * Where an application's copy of the directory comes from, kept current in memory: the service's map
 * feed over HTTP ({@link io.shardhome.client.feed.HttpMapSource}, the default) or ZooKeeper ({@link
 * io.shardhome.client.zk.ZkMapSource}). Besides the snapshot it knows when shards were fenced and how the
 * links that feed each site's copies are doing.
 *
 * <p>Implementations start in their factory method, are thread-safe, and stop on {@link #close()}
 * (idempotent). Reads ({@link #snapshot()}, {@link #link}) never block or do I/O.
 */
public interface MapSource extends DirectorySnapshotSource, FenceHistory, AutoCloseable {

    /** Lifecycle of a source. */
    enum State {
        /** Started; no map yet. */
        STARTING,
        /** Holds a map and hears from its origin. */
        CURRENT,
        /** Holds a map but has not heard from its origin lately: it is reconnecting. */
        STALE,
        /** Closed. */
        CLOSED
    }

    /**
     * Waits until the first map is loaded.
     *
     * @throws ShardhomeClientException {@code UNAVAILABLE} (or {@code REFUSED}) naming the origin and what
     *     went wrong when there is none within {@code timeout}
     */
    void awaitReady(Duration timeout);

    State state();

    /**
     * The health of the link {@code source->target} as last heard, or empty when it is not known or the
     * source is not current (then no copy counts as fresh).
     */
    Optional<LinkHealth> link(String source, String target);

    /** Where the map comes from, for messages (no secrets). */
    String origin();

    @Override
    void close();
}
