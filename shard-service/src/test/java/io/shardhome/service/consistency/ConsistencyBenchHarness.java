package io.shardhome.service.consistency;

import io.shardhome.links.Link;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.service.reseed.Reseeder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark of issue 13 (bench/consistency.sh), in one run against real masters and a real link: a shard of
 * {@code megabytes} in 16 sysbench-like tables at nyc and sjc, a writer at {@code rate} tx/s at nyc the whole
 * time; then (1) CHECKSUM TABLE of the 16 tables at both sites at once against shardhome's check, and (2)
 * {@code mariadb-dump --single-transaction | mariadb} of the shard into another schema at sjc against a
 * re-seed of the shard at sjc. Prints times, ratios and the load average. Exit 1 when a check finds a
 * difference after the re-seed.
 */
public final class ConsistencyBenchHarness {
    private static final int TABLES = 16;
    private static final int ROW_BYTES = 230;

    private ConsistencyBenchHarness() {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long rowsPerTable = (long) megabytes * 1024 * 1024 / TABLES / ROW_BYTES;
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        try (LinkHarness harness = LinkHarness.start("nyc", "sjc")) {
            harness.define("bench", "nyc");
            long start = System.nanoTime();
            generate(List.of(nyc, sjc), rowsPerTable);
            System.out.printf(
                    Locale.ROOT,
                    "generated %d tables x %d rows (%s at nyc) at both sites in %.0f s%n",
                    TABLES,
                    rowsPerTable,
                    size(nyc),
                    seconds(start));
            Link link = harness.link("nyc", "sjc");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> write(nyc, rate, rowsPerTable, writing, written), "bench-writer");
            writer.start();
            try {
                LinkCheck.Settings settings = LinkCheck.Settings.DEFAULTS;
                System.out.printf(Locale.ROOT, "warm-up CHECKSUM TABLE pass: %.1f s%n", checksumTables(nyc, sjc));
                for (int round = 1; round <= 2; round++) {
                    double checksum = checksumTables(nyc, sjc);
                    long t = System.nanoTime();
                    List<ShardResult> before = new LinkCheck(link, nyc.endpoint(), sjc.endpoint(), settings)
                            .run(List.of("bench"), (d, n) -> {});
                    double check = seconds(t);
                    row("round " + round + ": CHECKSUM TABLE x16 at nyc and sjc at once", checksum, "");
                    row(
                            "round " + round + ": shardhome check (2 session pairs)",
                            check,
                            before.get(0).status());
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: check / CHECKSUM TABLE = %.2f (goal <= 2)%n",
                            round,
                            check / checksum);
                }
                damage(sjc, rowsPerTable);
                long damaged = System.nanoTime();
                List<ShardResult> found = new LinkCheck(link, nyc.endpoint(), sjc.endpoint(), settings)
                        .run(List.of("bench"), (d, n) -> {});
                row(
                        "shardhome check, 3 rows changed at sjc",
                        seconds(damaged),
                        found.get(0).status() + " " + found.get(0).tables().size() + " tables differ");

                double dump = dumpAndRestore(nyc, sjc);
                long reseedStart = System.nanoTime();
                Reseeder.Result result = new Reseeder(link, harness.view(), Reseeder.Settings.DEFAULTS, () -> true)
                        .run(List.of("bench"), "benchmark", new Reseeder.Progress() {
                            @Override
                            public void phase(String phase, String note) {
                                System.out.printf(Locale.ROOT, "  %5.1f s %s%n", seconds(reseedStart), phase);
                            }

                            @Override
                            public void rows(long copied, long estimated) {}
                        });
                double reseed = seconds(reseedStart);
                row("mariadb-dump --single-transaction | mariadb", dump, "");
                row("shardhome shard reseed (2 sessions per site)", reseed, result.rows() + " rows");
                System.out.printf(Locale.ROOT, "mariadb-dump|mariadb / re-seed = %.2f (goal >= 1.5)%n", dump / reseed);
                List<ShardResult> after = new LinkCheck(link, nyc.endpoint(), sjc.endpoint(), settings)
                        .run(List.of("bench"), (d, n) -> {});
                System.out.println("check after the re-seed: " + after.get(0).status() + " (" + written.get()
                        + " writer transactions so far)");
                if (!after.get(0).status().equals(ShardResult.SAME)) {
                    System.out.println(after);
                    System.exit(1);
                }
            } finally {
                writing.set(false);
                writer.join();
            }
        }
        System.exit(0);
    }

    /** Three rows of three tables changed at the copy, unlogged: what the check must find. */
    private static void damage(MariaDbSite copy, long rows) {
        copy.execute(
                "SET sql_log_bin=0",
                "UPDATE bench.t1 SET k = -1 WHERE id = " + rows / 2,
                "DELETE FROM bench.t5 WHERE id = " + rows / 3,
                "UPDATE bench.t9 SET c = 'damaged' WHERE id = 7");
    }

    private static void row(String what, double seconds, String note) {
        System.out.printf(Locale.ROOT, "| %-62s | %8.1f s | %s%n", what, seconds, note);
    }

    private static void generate(List<MariaDbSite> sites, long rows) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (MariaDbSite site : sites) {
            done.add(threads.submit(() -> {
                site.execute("SET sql_log_bin=0", "CREATE DATABASE bench");
                for (int i = 0; i < TABLES; i++) {
                    String t = "bench.t" + i;
                    site.execute(
                            "SET sql_log_bin=0",
                            "CREATE TABLE " + t + " (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL,"
                                    + " pad CHAR(60) NOT NULL, KEY k (k))",
                            "SET unique_checks=0, foreign_key_checks=0",
                            "START TRANSACTION",
                            "INSERT INTO " + t + " SELECT seq, seq * 7919 % " + rows
                                    + ", CONCAT(MD5(seq), MD5(seq + 1),"
                                    + " MD5(seq + 2), LEFT(MD5(seq + 3), 24)), CONCAT(MD5(seq * 7), LEFT(MD5(seq * 11),"
                                    + " 28)) FROM bench.seq_1_to_" + rows,
                            "COMMIT");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
    }

    private static void write(MariaDbSite home, int rate, long rows, AtomicBoolean writing, AtomicLong written) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        try (Connection c = home.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (long n = 0; writing.get(); n++) {
                int table = (int) (n % TABLES);
                long id = ThreadLocalRandom.current().nextLong(1, rows + 1);
                s.executeUpdate("UPDATE bench.t" + table + " SET k = k + 1 WHERE id = " + id);
                s.executeUpdate("INSERT INTO bench.t" + table + " VALUES (" + (rows + 1 + n) + ", 1, 'written',"
                        + " 'by the benchmark writer')");
                c.commit();
                written.incrementAndGet();
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (Exception e) {
            System.out.println("the writer failed: " + e);
        }
    }

    /** Seconds for CHECKSUM TABLE of every table, at both sites at once (one session per site). */
    private static double checksumTables(MariaDbSite... sites) throws Exception {
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(sites.length);
        List<Future<?>> done = new ArrayList<>();
        for (MariaDbSite site : sites) {
            done.add(threads.submit(() -> {
                try (Connection c = site.connect();
                        Statement s = c.createStatement()) {
                    for (int i = 0; i < TABLES; i++) {
                        try (ResultSet rs = s.executeQuery("CHECKSUM TABLE bench.t" + i)) {
                            rs.next();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        return seconds(start);
    }

    /** Seconds for mariadb-dump --single-transaction of the shard at nyc piped into mariadb at sjc. */
    private static double dumpAndRestore(MariaDbSite from, MariaDbSite to) throws Exception {
        to.execute("SET sql_log_bin=0", "DROP DATABASE IF EXISTS bench_dump", "CREATE DATABASE bench_dump");
        Path bin = Path.of("target", "mariadb-sites", from.site(), "base", "bin");
        String command = bin.resolve("mariadb-dump") + " --single-transaction -h127.0.0.1 -P" + from.port() + " -u"
                + MariaDbSite.USER + " -p" + MariaDbSite.PASSWORD + " bench | " + bin.resolve("mariadb")
                + " -h127.0.0.1 -P" + to.port() + " -u" + MariaDbSite.USER + " -p" + MariaDbSite.PASSWORD
                + " --init-command='SET sql_log_bin=0' bench_dump";
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command)
                .inheritIO()
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mariadb-dump | mariadb failed with exit " + p.exitValue());
        }
        double took = seconds(start);
        to.execute("SET sql_log_bin=0", "DROP DATABASE bench_dump");
        return took;
    }

    private static String size(MariaDbSite site) {
        return site.value("SELECT CONCAT(ROUND(SUM(DATA_LENGTH + INDEX_LENGTH) / 1048576), ' MB') FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = 'bench'");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
