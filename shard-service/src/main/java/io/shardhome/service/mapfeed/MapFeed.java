package io.shardhome.service.mapfeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.feed.LinkHealthReader;
import io.shardhome.directory.feed.MapChange;
import io.shardhome.directory.feed.MapFeedEvents;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.ShardMapView;
import io.shardhome.service.config.DirectoryAccess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The map feed: keeps every watching client's copy of the directory current over one server-sent-event
 * stream each (see {@link MapFeedEvents}). It follows the service's live view of the directory, so the
 * watchers cost ZooKeeper nothing; each new map version is turned into one change, encoded once and sent
 * to every stream. One thread does all of it, in order: joins, map changes, link health, heartbeats.
 *
 * <p>Started by its constructor; {@link #close()} ends every stream and is idempotent. Thread-safe.
 */
public final class MapFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MapFeed.class);

    /** Lifecycle: it runs from construction until closed. */
    enum State {
        RUNNING,
        CLOSED
    }

    private final DirectoryAccess directory;
    private final MapFeedProperties settings;
    private final ObjectMapper json;
    private final LinkHealthReader linkReader;
    private final ChangeLog changes;
    private final ScheduledExecutorService thread;
    private final AtomicInteger open = new AtomicInteger();
    private final ShardMapView.Listener listener = map -> onThread(this::catchUp);
    private final List<Watcher> watchers = new ArrayList<>();
    private DirectorySnapshot current;
    /** {@link #current}'s version, for the hello a request thread sends. */
    private volatile long currentVersion;

    private List<LinkHealth> links = List.of();
    /** The whole current map, encoded once for every watcher that joins holding nothing (or too little). */
    private String fullEncoded;

    private long fullEncodedVersion = -1;
    private long linksReadAtNanos;
    private volatile State state = State.RUNNING;

    public MapFeed(DirectoryAccess directory, MapFeedProperties settings, ObjectMapper json) {
        this.directory = directory;
        this.settings = settings;
        this.json = json;
        this.linkReader = new LinkHealthReader(directory.linkStatuses(), settings.linkStatusMaxAge());
        this.changes = new ChangeLog(settings.historySteps(), settings.historyShards());
        this.current = directory.snapshot();
        this.currentVersion = current.version();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "map-feed");
            t.setDaemon(true);
            return t;
        });
        directory.view().addListener(listener);
        long beat = settings.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long poll = settings.linkPoll().toMillis();
        thread.scheduleWithFixedDelay(this::pollLinks, poll, poll, TimeUnit.MILLISECONDS);
        onThread(this::catchUp);
    }

    /** Streams open now. */
    public int watchers() {
        return open.get();
    }

    /**
     * Starts streaming to {@code emitter} for a client that holds map version {@code after} (0: none).
     *
     * @return false when the feed is closed or full ({@link MapFeedProperties#maxWatchers()})
     */
    public boolean watch(SseEmitter emitter, long after) {
        if (state == State.CLOSED || open.incrementAndGet() > settings.maxWatchers()) {
            open.decrementAndGet();
            return false;
        }
        Watcher watcher = new Watcher(emitter, after);
        try {
            // On the request's own thread: the response is committed there (headers and all), never by
            // the feed's thread while the request thread still works on it.
            watcher.send(
                    MapFeedEvents.HELLO,
                    null,
                    encode(new MapFeedEvents.Hello(
                            currentVersion, settings.heartbeat().toMillis())));
        } catch (IOException e) {
            open.decrementAndGet();
            return false;
        }
        Runnable gone = () -> onThread(() -> drop(watcher));
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(failure -> gone.run());
        if (!onThread(() -> join(watcher))) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The change a client holding {@code after} needs now (no waiting), or null when it is current. */
    public MapChange changeSince(long after) throws Exception {
        return thread.submit(() -> changes.since(after, current)).get(30, TimeUnit.SECONDS);
    }

    private void join(Watcher watcher) {
        try {
            MapChange change = changes.since(watcher.version(), current);
            if (change != null) {
                watcher.send(
                        MapFeedEvents.MAP,
                        Long.toString(change.version()),
                        change.full() ? encodedFull(change) : encode(change));
            }
            if (System.nanoTime() - linksReadAtNanos > settings.linkPoll().toNanos()) {
                readLinks();
            }
            watcher.send(MapFeedEvents.LINKS, null, encode(new MapFeedEvents.Links(links)));
            watcher.holds(current.version());
            watchers.add(watcher);
        } catch (IOException | RuntimeException e) {
            LOG.debug("a map watcher left while joining: {}", e.toString());
            end(watcher);
        }
    }

    /** Brings every watcher to the view's latest snapshot with one change, encoded once. */
    private void catchUp() {
        DirectorySnapshot next = directory.snapshot();
        if (next.version() == current.version()) {
            return;
        }
        MapChange step = next.version() > current.version()
                ? MapChange.between(current, next)
                : MapChange.full(next); // the directory went back: a re-initialised cluster
        changes.append(step);
        current = next;
        currentVersion = next.version();
        String encoded = encode(step);
        for (Watcher watcher : List.copyOf(watchers)) {
            MapChange own = watcher.version() == step.baseVersion() || step.full()
                    ? null
                    : changes.since(watcher.version(), current);
            send(watcher, MapFeedEvents.MAP, Long.toString(step.version()), own == null ? encoded : encode(own));
            watcher.holds(step.version());
        }
    }

    private String encodedFull(MapChange full) {
        if (fullEncodedVersion != full.version()) {
            fullEncoded = encode(full);
            fullEncodedVersion = full.version();
        }
        return fullEncoded;
    }

    private void pollLinks() {
        if (watchers.isEmpty()) {
            return;
        }
        List<LinkHealth> before = links;
        readLinks();
        if (!links.equals(before)) {
            broadcast(MapFeedEvents.LINKS, encode(new MapFeedEvents.Links(links)));
        }
    }

    /** Reads the link statuses; when the directory cannot be read every link is unknown (reads go home). */
    private void readLinks() {
        try {
            links = linkReader.read(System.currentTimeMillis());
        } catch (DirectoryException e) {
            LOG.warn("reading the link statuses failed ({}); telling map watchers no link is known", e.getMessage());
            links = List.of();
        }
        linksReadAtNanos = System.nanoTime();
    }

    private void heartbeat() {
        broadcast(MapFeedEvents.HEARTBEAT, "{}");
    }

    private void broadcast(String event, String data) {
        for (Watcher watcher : List.copyOf(watchers)) {
            send(watcher, event, null, data);
        }
    }

    private void send(Watcher watcher, String event, String id, String data) {
        try {
            watcher.send(event, id, data);
        } catch (IOException | RuntimeException e) {
            LOG.debug("a map watcher left: {}", e.toString());
            end(watcher);
        }
    }

    private void end(Watcher watcher) {
        drop(watcher);
        watcher.emitter().complete();
    }

    private void drop(Watcher watcher) {
        watchers.remove(watcher);
        if (watcher.markGone()) {
            open.decrementAndGet();
        }
    }

    private String encode(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the map feed cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /** Runs {@code task} on the feed's thread; false when the feed is closed. */
    private boolean onThread(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("the map feed failed a step; watchers may reconnect", e);
                }
            });
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Ends every stream (clients reconnect elsewhere or later). Idempotent. */
    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        directory.view().removeListener(listener);
        onThread(() -> List.copyOf(watchers).forEach(this::end));
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("map feed closed; its watchers were told to reconnect");
    }
}
