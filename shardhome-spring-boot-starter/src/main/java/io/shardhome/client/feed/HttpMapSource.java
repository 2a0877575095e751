package io.shardhome.client.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.client.MapSource;
import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.ShardhomeClientException.Code;
import io.shardhome.directory.client.FenceTracker;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.feed.MapChange;
import io.shardhome.directory.feed.MapFeedEvents;
import io.shardhome.directory.feed.MapFeedException;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.VersionSignal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MapSource} that follows the service's map feed ({@code GET /api/v1/shard-map/changes}, server-
 * sent events): the application needs the service's URL and a reader token, not ZooKeeper. It holds one
 * stream open; each change is applied to the snapshot it holds. When the stream ends, or stays silent for
 * three heartbeats, it reconnects where it was (back-off 100 ms to 5 s); when a change does not follow the
 * version it holds, it reloads the whole map. Meanwhile it keeps serving its last map, and counts no copy
 * as fresh.
 *
 * <p>Thread-safe; {@link #start} connects, {@link #close()} disconnects (idempotent).
 */
public final class HttpMapSource implements MapSource {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMapSource.class);
    static final String PATH = "/api/v1/shard-map/changes";
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int SILENT_HEARTBEATS = 3;
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final FenceTracker fences = new FenceTracker(Duration.ofMinutes(10));
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile DirectorySnapshot snapshot = DirectorySnapshot.empty();
    private final VersionSignal signal = new VersionSignal(() -> snapshot.version());
    private volatile Map<String, LinkHealth> links = Map.of();
    private volatile long heartbeatNanos = TimeUnit.SECONDS.toNanos(5);
    private volatile long lastHeardNanos;
    private volatile boolean streaming;
    private volatile boolean refused;
    private volatile String problem = "not connected yet";
    private volatile boolean closed;
    /** Guarded by this: the stream events are accepted from, its subscription, the next back-off. */
    private long generation;

    private Flow.Subscription subscription;
    private CompletableFuture<?> pending;
    private long connectingSinceNanos;
    private long backoffMillis = MIN_BACKOFF_MILLIS;
    private boolean reloadWholeMap;

    private HttpMapSource(URI base, String token, HttpClient http, ScheduledExecutorService timer, boolean ownsTimer) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.timer = timer;
        this.ownsTimer = ownsTimer;
    }

    /**
     * Connects to the service at {@code base} (e.g. {@code http://shardhome:8080}) with a reader token; the
     * first map arrives in the background (see {@link #awaitReady}).
     */
    public static HttpMapSource start(URI base, String token) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardhome-map-feed");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return start(base, token, http, timer, true);
    }

    /** As {@link #start(URI, String)} on a shared client and timer (many sources in one process). */
    public static HttpMapSource start(URI base, String token, HttpClient http, ScheduledExecutorService timer) {
        return start(base, token, http, timer, false);
    }

    private static HttpMapSource start(
            URI base, String token, HttpClient http, ScheduledExecutorService timer, boolean ownsTimer) {
        HttpMapSource source = new HttpMapSource(base, token, http, timer, ownsTimer);
        timer.execute(source::connect);
        timer.scheduleWithFixedDelay(source::watchdog, 1, 1, TimeUnit.SECONDS);
        return source;
    }

    @Override
    public DirectorySnapshot snapshot() {
        return snapshot;
    }

    @Override
    public boolean awaitNewerThan(long version, Duration timeout) throws InterruptedException {
        return signal.awaitNewerThan(version, timeout);
    }

    @Override
    public OptionalLong lastFencedNanos(String shardId) {
        return fences.lastFencedNanos(shardId);
    }

    @Override
    public void awaitReady(Duration timeout) {
        try {
            if (ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardhomeClientException(Code.UNAVAILABLE, "interrupted while waiting for the shard map", e);
        }
        throw new ShardhomeClientException(
                refused ? Code.REFUSED : Code.UNAVAILABLE,
                "no shard map from " + origin() + " within " + timeout.toMillis() + " ms: " + problem);
    }

    @Override
    public State state() {
        if (closed) {
            return State.CLOSED;
        }
        if (ready.getCount() > 0) {
            return State.STARTING;
        }
        return isCurrent() ? State.CURRENT : State.STALE;
    }

    private boolean isCurrent() {
        return streaming && System.nanoTime() - lastHeardNanos <= SILENT_HEARTBEATS * heartbeatNanos;
    }

    @Override
    public Optional<LinkHealth> link(String source, String target) {
        return isCurrent() ? Optional.ofNullable(links.get(source + "->" + target)) : Optional.empty();
    }

    @Override
    public String origin() {
        return base.resolve(PATH).toString();
    }

    /** Opens a new stream from the version held (0 to reload the whole map). Runs on the timer. */
    private synchronized void connect() {
        if (closed) {
            return;
        }
        long stream = ++generation;
        long after = reloadWholeMap ? 0 : snapshot.version();
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + "?after=" + after))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        connectingSinceNanos = System.nanoTime();
        pending = http.sendAsync(request, info -> body(info, stream));
        pending.whenComplete((response, failure) -> ended(stream, failure));
    }

    private BodySubscriber<Void> body(ResponseInfo info, long stream) {
        if (info.statusCode() == 200) {
            return BodySubscribers.fromLineSubscriber(new Lines(stream));
        }
        return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
            answered(info.statusCode(), text);
            return null;
        });
    }

    private void answered(int status, String body) {
        refused = FeedAnswers.refused(status);
        note(FeedAnswers.describe(status, body, origin()));
    }

    private synchronized void ended(long stream, Throwable failure) {
        if (stream != generation || closed) {
            return;
        }
        streaming = false;
        subscription = null;
        if (failure != null) {
            note("the stream from " + origin() + " failed: " + failure);
        } else if (!refused) {
            note("the stream from " + origin() + " ended; reconnecting");
        }
        reconnectLater();
    }

    /** Drops the current stream and opens a new one after the back-off. */
    private synchronized void reconnectLater() {
        generation++;
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        streaming = false;
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        if (!closed) {
            timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void watchdog() {
        if (streaming && System.nanoTime() - lastHeardNanos > SILENT_HEARTBEATS * heartbeatNanos) {
            note("nothing heard from " + origin() + " for " + SILENT_HEARTBEATS + " heartbeats; reconnecting");
            reconnectLater();
        } else if (!streaming
                && pending != null
                && !pending.isDone()
                && System.nanoTime() - connectingSinceNanos > CONNECT_TIMEOUT_NANOS) {
            note("no answer from " + origin() + " within " + TimeUnit.NANOSECONDS.toSeconds(CONNECT_TIMEOUT_NANOS)
                    + " s; reconnecting");
            pending.cancel(true);
            reconnectLater();
        }
    }

    private synchronized void subscribed(long stream, Flow.Subscription s) {
        if (stream != generation || closed) {
            s.cancel();
            return;
        }
        subscription = s;
        streaming = true;
        refused = false;
        lastHeardNanos = System.nanoTime();
        s.request(Long.MAX_VALUE);
    }

    private synchronized void event(long stream, SseParser.Event event) {
        if (stream != generation || closed) {
            return;
        }
        lastHeardNanos = System.nanoTime();
        try {
            switch (event.name()) {
                case MapFeedEvents.HELLO -> hello(json.readValue(event.data(), MapFeedEvents.Hello.class));
                case MapFeedEvents.MAP -> apply(json.readValue(event.data(), MapChange.class));
                case MapFeedEvents.LINKS -> links(json.readValue(event.data(), MapFeedEvents.Links.class));
                default -> {
                    // heartbeat, or an event a later service adds: hearing it is what counts
                }
            }
        } catch (IOException | MapFeedException e) {
            boolean gap = e instanceof MapFeedException m && m.code() == MapFeedException.Code.GAP;
            reloadWholeMap = true;
            note((gap ? "" : "an event from " + origin() + " could not be used: ") + e.getMessage()
                    + "; reloading the whole map");
            reconnectLater();
        }
    }

    private void hello(MapFeedEvents.Hello hello) {
        heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(100, hello.heartbeatMillis()));
        backoffMillis = MIN_BACKOFF_MILLIS;
        if (hello.version() == snapshot.version() && !reloadWholeMap) {
            ready.countDown(); // current already: no map event follows
        }
    }

    private void apply(MapChange change) {
        DirectorySnapshot next = change.applyTo(snapshot);
        DirectorySnapshot previous = snapshot;
        snapshot = next;
        reloadWholeMap = false;
        List<String> touched = new ArrayList<>(change.removed());
        change.shards().forEach(shard -> touched.add(shard.shard()));
        fences.observe(previous, next, change.full() ? List.of() : touched);
        signal.published();
        ready.countDown();
    }

    private void links(MapFeedEvents.Links update) {
        Map<String, LinkHealth> byId = new HashMap<>();
        update.links().forEach(link -> byId.put(link.linkId(), link));
        links = Map.copyOf(byId);
    }

    private void note(String what) {
        if (!what.equals(problem)) {
            LOG.warn("shard map feed: {}", what);
        }
        problem = what;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        generation++;
        if (subscription != null) {
            subscription.cancel();
        }
        streaming = false;
        if (ownsTimer) {
            timer.shutdownNow();
        }
    }

    /** Feeds one stream's lines to a parser; events of an older stream are ignored. */
    private final class Lines implements Flow.Subscriber<String> {
        private final long stream;
        private final SseParser parser;

        Lines(long stream) {
            this.stream = stream;
            this.parser = new SseParser(event -> event(stream, event));
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscribed(stream, s);
        }

        @Override
        public void onNext(String line) {
            parser.line(line);
        }

        @Override
        public void onError(Throwable failure) {
            // ended() sees the same failure through the response future
        }

        @Override
        public void onComplete() {
            // ended() reconnects
        }
    }
}
