package io.shardhome.service.reseed;

import io.shardhome.directory.view.ShardMapView;
import io.shardhome.links.Link;
import io.shardhome.service.consistency.Failures;
import io.shardhome.service.jobs.Instances;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.links.LinkHosting;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the re-seeds whose link (home to copy site) this instance runs: claims pending ones by
 * compare-and-set and runs the protocol ({@link Reseeder}) on its own thread, writing phases and progress into
 * the record, with a heartbeat every few seconds while it still runs the link. A re-seed whose runner is another
 * instance, silent for a minute, while this one runs its link has lost its runner; it is started over here (the protocol is safe to repeat: the copy is rebuilt from scratch and the helper link
 * starts after the new snapshot). One pending a minute without a runner fails naming its link. Start once;
 * close is idempotent. Thread-safe.
 */
public final class ReseedHosting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReseedHosting.class);
    private static final long TICK_MILLIS = 500;
    private static final long PROGRESS_EVERY_MILLIS = 1_000;
    static final int HISTORY = 50;
    private static final long HEARTBEAT_SECONDS = 5;

    private final JobRecords<ReseedRecord> records;
    private final LinkHosting links;
    private final ShardMapView view;
    private final Reseeder.Settings settings;
    private final String self = Instances.self();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "reseeds"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "reseed"));

    ReseedHosting(JobRecords<ReseedRecord> records, LinkHosting links, ShardMapView view, Reseeder.Settings settings) {
        this.records = records;
        this.links = links;
        this.view = view;
        this.settings = settings;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start() {
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (String id : records.ids().stream().limit(HISTORY).toList()) {
                if (!ended.contains(id)) {
                    records.read(id).ifPresent(this::look);
                }
            }
        } catch (RuntimeException e) {
            log.warn("looking for re-seeds to run failed ({}); retrying", e.getMessage());
        }
    }

    private void look(ReseedRecord reseed) {
        if (reseed.ended()) {
            ended.add(reseed.id());
            return;
        }
        Optional<Link> link = links.running(reseed.link());
        boolean orphaned = reseed.state().equals(ReseedRecord.RUNNING)
                && !reseed.runner().equals(self)
                && Instances.isStale(reseed.heartbeatAt(), Instant.now());
        if (link.isPresent()
                && !running.contains(reseed.id())
                && (reseed.state().equals(ReseedRecord.PENDING) || orphaned)) {
            if (orphaned) {
                log.warn(
                        "re-seed {}: its runner {} is gone (this instance runs link {} now); starting it over",
                        reseed.id(),
                        reseed.runner(),
                        reseed.link());
            }
            claimAndRun(reseed, link.get());
        } else if (reseed.state().equals(ReseedRecord.PENDING)
                && Instances.isStale(reseed.requestedAt(), Instant.now())) {
            update(
                    reseed.id(),
                    ReseedRecord.PENDING,
                    "",
                    r -> r.failed(
                            "no instance running link " + r.link()
                                    + " picked this re-seed up within " + Instances.STALE.toSeconds()
                                    + " s; check that the link runs"
                                    + " (GET /api/v1/links) and ask again",
                            Instant.now()));
        }
    }

    private void claimAndRun(ReseedRecord seen, Link link) {
        if (!running.add(seen.id())) {
            return;
        }
        Optional<ReseedRecord> claimed =
                update(seen.id(), seen.state(), seen.runner(), r -> r.claimed(self, Instant.now()));
        if (claimed.isEmpty()
                || !claimed.get().runner().equals(self)
                || claimed.get().attempt() != seen.attempt() + 1) {
            running.remove(seen.id());
            return;
        }
        workers.submit(() -> {
            try {
                run(claimed.get(), link);
            } finally {
                running.remove(seen.id());
            }
        });
    }

    private void run(ReseedRecord reseed, Link link) {
        String id = reseed.id();
        log.info("re-seed {}: rebuilding {} at {} from {}", id, reseed.shard(), reseed.site(), reseed.home());
        long[] lastWrite = {0};
        Reseeder.Progress progress = new Reseeder.Progress() {
            @Override
            public void phase(String phase, String note) {
                mine(id, r -> r.inPhase(phase, note, Instant.now()));
            }

            @Override
            public void rows(long copied, long estimated) {
                long now = System.currentTimeMillis();
                if (now - lastWrite[0] >= PROGRESS_EVERY_MILLIS) {
                    lastWrite[0] = now;
                    mine(id, r -> r.copied(copied, estimated, Instant.now()));
                }
            }
        };
        java.util.function.BooleanSupplier owned =
                () -> links.running(reseed.link()).filter(l -> l == link).isPresent();
        java.util.concurrent.ScheduledFuture<?> heartbeat = ticker.scheduleWithFixedDelay(
                () -> {
                    if (owned.getAsBoolean()) {
                        mine(id, r -> r.copied(r.rowsCopied(), r.rowsEstimated(), Instant.now()));
                    }
                },
                HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        try {
            Reseeder.Result result =
                    new Reseeder(link, view, settings, owned).run(reseed.shards(), "reseed " + id, progress);
            mine(id, r -> r.done(result, Instant.now()));
            log.info("re-seed {} done: {} at {} from {}", id, reseed.shard(), reseed.site(), result.gtid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine(id, r -> r.failed(stillLeftOut(r, "this instance stopped during the re-seed"), Instant.now()));
        } catch (Exception e) {
            if (!owned.getAsBoolean()) {
                log.warn(
                        "re-seed {}: this instance lost link {} ({}); the instance running it now starts it over",
                        id,
                        reseed.link(),
                        e.getMessage());
                return;
            }
            log.warn("re-seed {} failed: {}", id, e.toString());
            mine(id, r -> r.failed(stillLeftOut(r, Failures.describe(e, r.link())), Instant.now()));
        } finally {
            heartbeat.cancel(false);
        }
    }

    private static String stillLeftOut(ReseedRecord r, String why) {
        return why + ". Link " + r.link() + " leaves " + r.shard() + " out until a re-seed finishes (its copy at "
                + r.site() + " is incomplete): fix the cause and re-seed again (shardhome shard reseed " + r.shard()
                + " --site " + r.site() + ")";
    }

    private void mine(String id, UnaryOperator<ReseedRecord> change) {
        try {
            update(id, ReseedRecord.RUNNING, self, change);
        } catch (RuntimeException e) {
            log.warn("re-seed {}: recording progress failed: {}", id, e.getMessage());
        }
    }

    /** Changes the record only while it is in {@code state} with runner {@code runner} (empty: any). */
    private Optional<ReseedRecord> update(String id, String state, String runner, UnaryOperator<ReseedRecord> change) {
        return records.update(
                id,
                r -> r.state().equals(state) && (runner.isEmpty() || r.runner().equals(runner))
                        ? change.apply(r)
                        : null);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
