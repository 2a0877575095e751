package io.shardhome.service.consistency;

import io.shardhome.links.Link;
import io.shardhome.service.jobs.Instances;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.links.LinkHosting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the parts of requested checks whose link this instance runs: every half second it looks at the checks
 * not yet ended, claims (compare-and-set) the pending parts of its links and runs them on its own threads,
 * writing progress and results into the record. A part whose runner is another instance while this one
 * runs the link has lost its runner (links have one leader), and fails naming it; a part no instance picks
 * up within a minute fails naming its link. Start once; close is idempotent. Thread-safe.
 */
public final class CheckHosting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CheckHosting.class);
    private static final long TICK_MILLIS = 500;
    private static final long PROGRESS_EVERY_MILLIS = 2_000;
    static final int HISTORY = 50;

    private final JobRecords<CheckRecord> records;
    private final LinkHosting links;
    private final LinkCheck.Settings settings;
    private final String self = Instances.self();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "checks"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "check-part"));

    CheckHosting(JobRecords<CheckRecord> records, LinkHosting links, LinkCheck.Settings settings) {
        this.records = records;
        this.links = links;
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
            log.warn("looking for checks to run failed ({}); retrying", e.getMessage());
        }
    }

    private void look(CheckRecord check) {
        if (check.ended()) {
            ended.add(check.id());
            return;
        }
        Instant now = Instant.now();
        for (CheckRecord.CheckPart part : check.parts()) {
            Optional<Link> link = links.running(part.link());
            String key = check.id() + " " + part.link();
            if (part.state().equals(CheckRecord.PENDING) && link.isPresent() && running.add(key)) {
                claimAndRun(check.id(), part.link(), link.get(), key);
            } else if (part.state().equals(CheckRecord.PENDING) && Instances.isStale(check.requestedAt(), now)) {
                fail(
                        check.id(),
                        part.link(),
                        CheckRecord.PENDING,
                        "no instance running link " + part.link()
                                + " picked this check up within " + Instances.STALE.toSeconds()
                                + " s; check that the link"
                                + " runs (GET /api/v1/links) and check again");
            } else if (part.state().equals(CheckRecord.RUNNING) && link.isPresent() && !running.contains(key)) {
                fail(
                        check.id(),
                        part.link(),
                        CheckRecord.RUNNING,
                        "instance " + part.runner() + " stopped while" + " checking (this instance runs link "
                                + part.link() + " now); check again");
            }
        }
    }

    private void claimAndRun(String id, String linkId, Link link, String key) {
        Optional<CheckRecord> claimed = records.update(
                id,
                r -> r.part(linkId).state().equals(CheckRecord.PENDING)
                        ? r.withPart(linkId, p -> p.claimed(self, Instant.now()))
                        : null);
        if (claimed.isEmpty() || !self.equals(claimed.get().part(linkId).runner())) {
            running.remove(key);
            return;
        }
        List<String> shards = claimed.get().part(linkId).shards();
        workers.submit(() -> {
            try {
                run(id, linkId, link, shards);
            } finally {
                running.remove(key);
            }
        });
    }

    private void run(String id, String linkId, Link link, List<String> shards) {
        log.info("check {}: comparing {} over link {}", id, shards, linkId);
        long[] lastWrite = {0};
        try {
            LinkCheck check =
                    new LinkCheck(link, link.config().source(), link.config().target(), settings);
            List<ShardResult> results = check.run(shards, (done, total) -> {
                long now = System.currentTimeMillis();
                if (now - lastWrite[0] >= PROGRESS_EVERY_MILLIS || done == total) {
                    lastWrite[0] = now;
                    mine(id, linkId, p -> p.progressed(done, total, Instant.now()));
                }
            });
            mine(id, linkId, p -> p.finished(ResultLimits.trimmed(results), Instant.now()));
            log.info("check {} over link {} done", id, linkId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine(id, linkId, p -> p.failed("this instance stopped during the check; check again", Instant.now()));
        } catch (Exception e) {
            log.warn("check {} over link {} failed: {}", id, linkId, e.toString());
            mine(id, linkId, p -> p.failed(Failures.describe(e, linkId), Instant.now()));
        }
    }

    /** Changes the part only while this instance still runs it. */
    private void mine(String id, String linkId, java.util.function.UnaryOperator<CheckRecord.CheckPart> change) {
        try {
            records.update(id, r -> {
                CheckRecord.CheckPart part = r.part(linkId);
                return part.state().equals(CheckRecord.RUNNING) && part.runner().equals(self)
                        ? r.withPart(linkId, change)
                        : null;
            });
        } catch (RuntimeException e) {
            log.warn("check {}: recording progress of link {} failed: {}", id, linkId, e.getMessage());
        }
    }

    private void fail(String id, String linkId, String fromState, String why) {
        records.update(
                id,
                r -> r.part(linkId).state().equals(fromState)
                        ? r.withPart(linkId, p -> p.failed(why, Instant.now()))
                        : null);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
