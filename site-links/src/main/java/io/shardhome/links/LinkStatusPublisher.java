package io.shardhome.links;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.filter.rules.LinkRoles;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the status of links to the directory ({@code <root>/links/<source.target>}) at a fixed interval and
 * once more on close. A failed publication is logged and retried at the next tick: the links keep
 * replicating while the directory is unreachable. Start once; close idempotently. Thread-safe.
 */
public final class LinkStatusPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStatusPublisher.class);

    private final LinkStatusStore store;
    private final List<Link> links;
    private final ScheduledExecutorService timer;
    private boolean closed;

    public LinkStatusPublisher(LinkStatusStore store, List<Link> links, Duration interval) {
        this.store = store;
        this.links = List.copyOf(links);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "link-status-publisher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::publishAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        publishAll();
    }
}
