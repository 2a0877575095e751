package io.shardhome.examples.notes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Writes notes for one customer at a steady rate for a while (open loop: a write is due every {@code
 * 1/perSecond} s whatever the ones before did) and sums up what the application saw: writes that
 * succeeded or failed, the slowest, and which sites took them.
 */
@Component
class Traffic {
    private static final int MAX_SECONDS = 300;
    private static final int MAX_PER_SECOND = 1000;

    private final Notes notes;

    Traffic(Notes notes) {
        this.notes = notes;
    }

    /**
     * What the writes saw.
     *
     * @param writes how many were due
     * @param failed how many failed (firstError says why)
     * @param slowestMillis the longest a write took, counted from when it was due
     * @param p99Millis 99% of writes took at most this
     * @param bySite how many writes each site took
     */
    record Summary(
            int writes,
            int failed,
            long slowestMillis,
            long p99Millis,
            Map<String, Integer> bySite,
            String firstError) {}

    Summary run(String customer, int seconds, int perSecond) throws InterruptedException {
        if (seconds < 1 || seconds > MAX_SECONDS || perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("traffic runs 1.." + MAX_SECONDS + " seconds at 1.." + MAX_PER_SECOND
                    + " writes per second; got " + seconds + " s at " + perSecond + "/s");
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> bySite = Collections.synchronizedMap(new TreeMap<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            ticker.scheduleAtFixedRate(
                    () -> {
                        long due = System.nanoTime();
                        workers.execute(() -> write(customer, due, latencies, bySite, errors));
                    },
                    0,
                    TimeUnit.SECONDS.toNanos(1) / perSecond,
                    TimeUnit.NANOSECONDS);
            TimeUnit.SECONDS.sleep(seconds);
        } finally {
            ticker.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        long slowest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.99) - 1));
        return new Summary(
                sorted.size(),
                errors.size(),
                slowest / 1_000_000,
                p99 / 1_000_000,
                new TreeMap<>(bySite),
                errors.isEmpty() ? "" : errors.get(0));
    }

    private void write(
            String customer, long due, List<Long> latencies, Map<String, Integer> bySite, List<String> errors) {
        try {
            Notes.Written written = notes.add(customer, "traffic");
            bySite.merge(written.site(), 1, Integer::sum);
        } catch (RuntimeException e) {
            errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            latencies.add(System.nanoTime() - due);
        }
    }
}
