package io.shardhome.links;

import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.ShardFilter;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.LinkPosition;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One one-way replication link from a source site's master to a target site's master, under the
 * shard-filter rules with a live shard map.
 *
 * <p>Lifecycle: {@link #start()} once; {@link #close()} is idempotent and waits for the link's thread.
 * States: OFFLINE (not started, closed, or retrying a transient fault with backoff), ONLINE, and
 * OFFLINE:ERROR (a fatal fault; see {@link LinkStatus#pendingError()}). A link stopped by a rule
 * (unknown shard, wrong-master write) retries by itself when the map changes; any link in OFFLINE:ERROR
 * retries on {@link #resume()}.
 *
 * <p>Thread-safety: all public methods may be called from any thread. New map versions take effect at
 * the next transaction boundary.
 */
public final class Link implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    private final LinkConfig config;
    private final ShardMapView view;
    private final ShardFilter filter;
    private final LinkProgress progress = new LinkProgress();
    private final SkipDesk skips = new SkipDesk(progress);
    private final HoldDesk holds = new HoldDesk();
    private final Set<String> excluded = ConcurrentHashMap.newKeySet();
    private final ShardMapView.Listener mapListener = this::mapChanged;
    private final Object monitor = new Object();
    private final Thread thread;
    private volatile LinkState state = LinkState.OFFLINE;
    private volatile PendingError pendingError;
    private volatile String lastTransientError = "";
    private volatile boolean closing;
    private boolean started;
    private boolean resumeRequested;

    public Link(LinkConfig config, ShardMapView view) {
        this.config = config;
        this.view = view;
        this.filter = new ShardFilter(config.roles(), config.policies());
        this.thread = new Thread(this::run, "link-" + config.linkId());
        thread.setDaemon(true);
    }

    public String id() {
        return config.linkId();
    }

    public LinkConfig config() {
        return config;
    }

    /** Starts the link's thread. @throws LinkException {@code INVALID_USE} when started twice or after close */
    public void start() {
        synchronized (monitor) {
            if (started || closing) {
                throw new LinkException(
                        Code.INVALID_USE,
                        "link " + id() + " was already started or closed;" + " create a new Link to run it again");
            }
            started = true;
        }
        view.addListener(mapListener);
        thread.start();
    }

    /**
     * Skips the one transaction this OFFLINE:ERROR link stopped at: the link resumes, reads it again without
     * applying it, and records it (tables, row counts, {@code by}, when) in {@link LinkStatus#skips()}.
     *
     * @param gtid the pending transaction's GTID; any other is refused
     * @param by who asked, for the record
     * @throws LinkException {@code INVALID_USE} when the link is not stopped at {@code gtid}
     */
    public void skip(String gtid, String by) {
        PendingError error = state == LinkState.OFFLINE_ERROR ? pendingError : null;
        skips.request(id(), error, gtid, by);
        LOG.warn("link {}: {} asked to skip transaction {}", id(), by, gtid);
        resume();
    }

    /**
     * Stops the link at a transaction boundary: everything it read before is applied at the target, nothing
     * after. With a {@code limit} the link first applies every transaction in it (a position of the source
     * at or after where the link is), then stops before the first one beyond it; a second call while held
     * moves the hold on. The link goes on at {@link #release()}, or by itself after {@code maxHold}.
     *
     * @param limit null: stop at the next boundary
     * @return the position the link holds at (what the target has applied from the source)
     * @throws LinkException {@code INVALID_USE} when the link does not get there within {@code wait}
     */
    public LinkPosition hold(GtidSet limit, Duration maxHold, Duration wait) throws InterruptedException {
        return holds.hold(limit, maxHold, wait, id());
    }

    /** Lets a held link go on. */
    public void release() {
        holds.release();
    }

    /**
     * Leaves {@code shard} out from the next transaction boundary on (its copy at the target is being
     * rebuilt; another reader applies it meanwhile), recorded in the target's catalog so that a restarted
     * link still leaves it out; until {@link #include}.
     *
     * @return the position from which the link leaves it out
     */
    public LinkPosition exclude(String shard, String reason, Duration wait) throws InterruptedException {
        LinkPosition at = hold(null, wait, wait);
        try {
            Catalog.atTarget(config.target(), "leaving " + shard + " out of link " + id(), c -> {
                Catalog.exclude(c, id(), shard, at.gtidSet().toString(), reason);
                return null;
            });
            excluded.add(shard);
            return at;
        } finally {
            release();
        }
    }

    /** Carries {@code shard} again from the next transaction boundary on (see {@link #exclude}). */
    public LinkPosition include(String shard, Duration wait) throws InterruptedException {
        LinkPosition at = hold(null, wait, wait);
        try {
            Catalog.atTarget(config.target(), "carrying " + shard + " again in link " + id(), c -> {
                Catalog.include(c, id(), shard);
                return null;
            });
            excluded.remove(shard);
            return at;
        } finally {
            release();
        }
    }

    /** The shards this link leaves out now. */
    public Set<String> excluded() {
        return Set.copyOf(excluded);
    }

    /** Asks a link in OFFLINE:ERROR to try again from its stored position (after fixing the cause). */
    public void resume() {
        synchronized (monitor) {
            resumeRequested = true;
            monitor.notifyAll();
        }
    }

    public LinkState state() {
        return state;
    }

    public LinkStatus status() {
        LinkPosition p = progress.position();
        ShardMap map = view.current();
        return new LinkStatus(
                id(),
                state,
                p == null ? "" : p.gtidSet().toString(),
                p == null ? "" : p.lastGtid(),
                p == null ? "" : p.binlog().toString(),
                progress.lagSeconds(System.currentTimeMillis()),
                progress.lagTransactions(),
                progress.applied(),
                progress.droppedCounts(),
                Optional.ofNullable(pendingError),
                lastTransientError,
                map.version(),
                progress.skips(),
                skips.pending().map(SkipDesk.Request::gtid).orElse(""),
                progress.waiting(),
                excluded,
                progress.sourceGtidSet());
    }

    private void mapChanged(ShardMap map) {
        PendingError error = pendingError;
        if (state == LinkState.OFFLINE_ERROR && error != null && error.code() == Code.RULE_REJECTED) {
            LOG.info("link {}: shard map version {} arrived; retrying {}", id(), map.version(), error.gtid());
            resume();
        }
    }

    private void run() {
        Duration backoff = config.retryMin();
        boolean migrated = false;
        while (!closing) {
            try {
                if (!migrated) {
                    Catalog.migrate(config.target());
                    migrated = true;
                }
                runSession();
            } catch (LinkException e) {
                if (closing) {
                    break;
                }
                if (e.code().isTransient()) {
                    retryLater(e, backoff);
                    backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0
                            ? config.retryMax()
                            : backoff.multipliedBy(2);
                } else {
                    stopWithError(e);
                    backoff = config.retryMin();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                stopWithError(new LinkException(
                        Code.APPLY_FAILED,
                        "unexpected failure in link " + id() + ": " + e
                                + "; report it with the log, then resume the link",
                        e));
            }
        }
        state = LinkState.OFFLINE;
    }

    private void runSession() throws InterruptedException {
        try (LinkSession session = new LinkSession(
                config, view, filter, progress, new LinkSession.Desks(skips, holds, excluded), this::connected)) {
            session.run(() -> closing);
        }
    }

    private void connected() {
        state = LinkState.ONLINE;
        pendingError = null;
        lastTransientError = "";
    }

    private void retryLater(LinkException e, Duration backoff) {
        state = LinkState.OFFLINE;
        lastTransientError = e.code() + ": " + e.getMessage();
        LOG.warn("link {}: {}; retrying in {} ms", id(), lastTransientError, backoff.toMillis());
        awaitWakeUp(backoff.toMillis(), false);
    }

    private void stopWithError(LinkException e) {
        pendingError = PendingError.of(e);
        state = LinkState.OFFLINE_ERROR;
        LOG.error(
                "link {} is OFFLINE:ERROR: {} {} (gtid={} shard={}{})",
                id(),
                e.code(),
                e.getMessage(),
                e.gtid(),
                e.shard(),
                e.transaction()
                        .map(tx ->
                                " rows=" + tx.rows() + (tx.statement().isEmpty() ? "" : " statement=" + tx.statement()))
                        .orElse(""));
        awaitWakeUp(0, true);
    }

    /** Waits for {@code millis} (0: until resumed) or until closing. */
    private void awaitWakeUp(long millis, boolean untilResumed) {
        synchronized (monitor) {
            long deadline = System.currentTimeMillis() + millis;
            try {
                while (!closing && !resumeRequested) {
                    long left = untilResumed ? 0 : deadline - System.currentTimeMillis();
                    if (!untilResumed && left <= 0) {
                        break;
                    }
                    monitor.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
            resumeRequested = false;
        }
    }

    /** Stops the link (a transaction being applied commits or rolls back first) and waits for its thread. */
    @Override
    public void close() {
        synchronized (monitor) {
            if (closing) {
                return;
            }
            closing = true;
            monitor.notifyAll();
        }
        holds.release();
        view.removeListener(mapListener);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = LinkState.OFFLINE;
    }
}
