package io.shardhome.links;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.rules.LinkRoles;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the status of links to the directory ({@code <root>/links/<source.target>}) at a fixed interval and
 * once more on close; given the links' map view, also right after each new shard map, so that readers (a
 * move waiting for the links from a shard's new home to see its flip) learn a new {@code mapVersion} within
 * one directory write rather than one interval. A failed publication is logged and retried at the next tick: the links keep
 * replicating while the directory is unreachable. Start once; close idempotently. Thread-safe.
 */
public final class LinkStatusPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStatusPublisher.class);

    private final LinkStatusStore store;
    private final List<Link> links;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean publishPending = new AtomicBoolean();
    private final ShardMapView mapView;
    private final ShardMapView.Listener mapListener = map -> publishSoon();
    private boolean closed;

    public LinkStatusPublisher(LinkStatusStore store, List<Link> links, Duration interval) {
        this(store, links, interval, null);
    }

    /**
     * @param mapView the shard map view the links read; each new map it delivers triggers a publication
     *     (null: publish at the interval only)
     */
    public LinkStatusPublisher(LinkStatusStore store, List<Link> links, Duration interval, ShardMapView mapView) {
        this.store = store;
        this.mapView = mapView;
        this.links = List.copyOf(links);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "link-status-publisher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publishAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        if (mapView != null) {
            mapView.addListener(mapListener);
        }
    }

    /**
     * The key of a link's status in the directory: {@code source.target} (site names have no dots; the
     * directory does not allow the {@code ->} of link ids).
     */
    public static String directoryKey(Link link) {
        return directoryKey(link.config().roles());
    }

    /**
     * The directory key of the link between {@code roles}: {@code source.target} (znode keys cannot hold
     * {@code >}; site names cannot hold {@code .}, so the key is unambiguous).
     */
    public static String directoryKey(LinkRoles roles) {
        return roles.sourceSite() + "." + roles.targetSite();
    }

    /** Publishes every link's status now. */
    public void publishAll() {
        for (Link link : links) {
            try {
                store.publish(directoryKey(link), PublishedStatus.of(link.status(), System.currentTimeMillis()));
            } catch (RuntimeException e) {
                LOG.warn(
                        "publishing the status of link {} failed: {}; retrying at the next tick",
                        link.id(),
                        e.toString());
            }
        }
    }

    /**
     * Publishes every link's status soon on the publisher's own thread (so publications never overtake each
     * other); requests made while one is pending are served by it. Never blocks; a no-op after close.
     */
    public void publishSoon() {
        if (!publishPending.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.execute(() -> {
                publishPending.set(false);
                publishAll();
            });
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile: close() publishes once more itself.
            publishPending.set(false);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mapView != null) {
            mapView.removeListener(mapListener);
        }
        timer.shutdownNow();
        publishAll();
    }
}
