package io.shardhome.service.moves.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shardhome.service.moves.MoveException;
import io.shardhome.service.moves.MoveRecord;
import io.shardhome.service.moves.MoveStep;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moves' Prometheus meters, read from the move records (the move engine reports nothing to it). The
 * moves it knows to be running are re-read every {@code interval} (moves started through this instance's
 * API are known at once); all records are scanned every {@link #SCAN_EVERY} intervals for moves started or
 * recovered elsewhere. Each move that ended is recorded once, by the move leader only (so that across
 * instances the histograms count each move once): its write outage, the time in each phase, its duration
 * and its outcome. Moves that had ended before this instance first scanned are not recorded. Start once;
 * close idempotently. Thread-safe.
 */
final class MoveMetrics implements AutoCloseable {
    static final int SCAN_EVERY = 30;

    private static final Logger LOG = LoggerFactory.getLogger(MoveMetrics.class);
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
    };

    private final MoveHosting hosting;
    private final MeterRegistry registry;
    private final Duration interval;
    /** Running moves to re-read every interval. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Ended moves already recorded or ended before this instance watched. */
    private final Set<String> ended = new HashSet<>();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "move-metrics");
        t.setDaemon(true);
        return t;
    });
    private boolean scanned;
    private int ticks;

    MoveMetrics(MoveHosting hosting, MeterRegistry registry, Duration interval) {
        this.hosting = hosting;
        this.registry = registry;
        this.interval = interval;
        Gauge.builder("shardhome.moves.running", running, Set::size)
                .description("moves that have not ended, as this instance last read them")
                .register(registry);
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A move this instance has just started: followed from now on. */
    void watch(String moveId) {
        running.add(moveId);
    }

    /** One tick: a full scan every {@link #SCAN_EVERY} ticks (and the first), else the running moves. */
    synchronized void tick() {
        if (!scanned || ticks++ % SCAN_EVERY == 0) {
            scanAll();
            return;
        }
        for (String moveId : List.copyOf(running)) {
            try {
                observe(hosting.reader().get(moveId));
            } catch (MoveException e) {
                if (e.code() != MoveException.Code.UNKNOWN_MOVE) {
                    throw e;
                }
                running.remove(moveId); // replaced by a newer move of its shard: the next scan sees that one
            }
        }
    }

    private void scanAll() {
        for (MoveRecord move : hosting.reader().list()) {
            if (!scanned && move.phase().isTerminal()) {
                ended.add(move.moveId());
            } else {
                observe(move);
            }
        }
        scanned = true;
    }

    private void observe(MoveRecord move) {
        if (!move.phase().isTerminal()) {
            running.add(move.moveId());
            return;
        }
        running.remove(move.moveId());
        if (ended.add(move.moveId()) && hosting.leads()) {
            record(move);
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("reading the move records for the metrics failed ({}); retrying in {}", e.toString(), interval);
        }
    }

    private void record(MoveRecord move) {
        String outcome = move.phase().name();
        Counter.builder("shardhome.moves")
                .description("moves that ended, by outcome (DONE, ROLLED_BACK)")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (move.outageMillis() >= 0) {
            timer(
                            "shardhome.move.outage",
                            "a move's write outage: from the fence until writes open again",
                            "outcome",
                            outcome)
                    .record(Duration.ofMillis(move.outageMillis()));
        }
        List<MoveStep> steps = move.steps();
        for (int i = 0; i + 1 < steps.size(); i++) {
            timer(
                            "shardhome.move.phase",
                            "the time a move spent in a phase",
                            "phase",
                            steps.get(i).phase().name())
                    .record(Duration.ofMillis(Math.max(
                            0, steps.get(i + 1).atMillis() - steps.get(i).atMillis())));
        }
        if (steps.size() > 1) {
            long total = steps.get(steps.size() - 1).atMillis() - steps.get(0).atMillis();
            timer("shardhome.move.duration", "a move from its start to its end", "outcome", outcome)
                    .record(Duration.ofMillis(Math.max(0, total)));
        }
    }

    private Timer timer(String name, String description, String tag, String value) {
        return Timer.builder(name)
                .description(description)
                .tag(tag, value)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
