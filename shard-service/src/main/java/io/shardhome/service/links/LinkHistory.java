package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lag of every link over the last {@link #WINDOW}, kept by this instance: every {@code interval} it
 * samples the statuses the links publish in the directory (wherever they run), so the web page's lag
 * charts show the last hour as soon as they open, not only what the page saw while open. The history
 * starts when this instance started (it is not persisted). One ring per link, oldest samples dropped.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} idempotently. Thread-safe. A failed sampling (the
 * directory unreachable) is logged and retried at the next tick; the gap shows as missing samples.
 */
public final class LinkHistory implements AutoCloseable {
    /** How far back the history reaches. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(LinkHistory.class);

    /**
     * One sample of one link.
     *
     * @param t when this instance took it (epoch ms)
     * @param state the published state ({@code ONLINE}, {@code OFFLINE}, {@code OFFLINE:ERROR})
     * @param lagTransactions -1 when unknown
     * @param stale whether the published status was stale then (its state and lag are the last known)
     */
    public record Sample(long t, String state, long lagSeconds, long lagTransactions, boolean stale) {}

    /** An answer of {@code GET /api/v1/links/history}: samples by link id, oldest first. */
    public record Body(long intervalMillis, long windowMillis, Map<String, List<Sample>> links) {}

    private final PublishedLinks published;
    private final Duration interval;
    private final Consumer<LinkBody> observer;
    private final Map<String, Deque<Sample>> rings = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "link-history");
        t.setDaemon(true);
        return t;
    });

    /** @param observer sees every link's status at every sample (for the freshness metrics) */
    LinkHistory(PublishedLinks published, Duration interval, Consumer<LinkBody> observer) {
        this.published = published;
        this.interval = interval;
        this.observer = observer;
    }

    void start() {
        long every = Math.max(100, interval.toMillis());
        timer.scheduleWithFixedDelay(this::sampleQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Samples every link's published status now. */
    void sample() {
        long now = System.currentTimeMillis();
        for (LinkBody link : published.all()) {
            observer.accept(link);
            JsonNode status = link.status();
            record(
                    link.id(),
                    new Sample(
                            now,
                            status.path("state").asText("UNKNOWN"),
                            status.path("lagSeconds").asLong(0),
                            status.path("lagTransactions").asLong(-1),
                            link.stale()),
                    now);
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warn("sampling the links' published statuses failed ({}); retrying in {}", e.toString(), interval);
        }
    }

    private synchronized void record(String id, Sample sample, long now) {
        Deque<Sample> ring = rings.computeIfAbsent(id, k -> new ArrayDeque<>());
        ring.addLast(sample);
        while (!ring.isEmpty() && ring.peekFirst().t() < now - WINDOW.toMillis()) {
            ring.removeFirst();
        }
    }

    /** The samples of the last {@link #WINDOW} taken after {@code afterMillis}, by link, oldest first. */
    public synchronized Body since(long afterMillis) {
        long from = Math.max(afterMillis, System.currentTimeMillis() - WINDOW.toMillis());
        Map<String, List<Sample>> links = new LinkedHashMap<>();
        rings.forEach((id, ring) ->
                links.put(id, ring.stream().filter(s -> s.t() > from).toList()));
        return new Body(interval.toMillis(), WINDOW.toMillis(), links);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
