package io.shardhome.client.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;

/**
 * Test support (also in the test-jar, for the example's tests): the real packaged service ({@code
 * shard-service/target/shardhome.jar}, system property {@code shardhome.it.service-jar}) running as a
 * process of its own, on a real ZooKeeper (curator-test) and the real MariaDB masters {@code nyc} and
 * {@code sjc} of {@link MariaDbSites}, with links both ways, moves for the application account {@value
 * #APP_USER}, an admin and a reader token. One per test JVM, started on first use, stopped when the JVM
 * exits. Thread-safe.
 */
public final class ShardhomeService {
    public static final String ADMIN_TOKEN = "it-admin-token";
    public static final String READER_TOKEN = "it-reader-token";
    public static final String APP_USER = "app";
    public static final String APP_PASSWORD = "app-secret";
    public static final List<String> SITES = List.of("nyc", "sjc");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static ShardhomeService instance;

    private final TestingServer zooKeeper;
    private final Process process;
    private final int port;
    private final Path log;

    private ShardhomeService(TestingServer zooKeeper, Process process, int port, Path log) {
        this.zooKeeper = zooKeeper;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The running service, started on first use. */
    public static synchronized ShardhomeService get() {
        if (instance == null) {
            instance = start();
            ShardhomeService started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-shardhome-service"));
        }
        return instance;
    }

    private static ShardhomeService start() {
        Path jar = Path.of(System.getProperty("shardhome.it.service-jar", "../shard-service/target/shardhome.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged service " + jar.toAbsolutePath() + " is missing: build it"
                    + " first (mvn -B -pl shard-service -am package -DskipTests), or run the build from the root");
        }
        List<String> startGtids = new ArrayList<>();
        for (String site : SITES) {
            MariaDbSite master = MariaDbSites.get(site);
            master.dropUserSchemas();
            master.execute(
                    "SET sql_log_bin=0",
                    "CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
            startGtids.add(master.gtidPosition());
        }
        try {
            TestingServer zooKeeper = new TestingServer(true);
            int port = freePort();
            Path dir = Files.createDirectories(Path.of("target", "service-it"));
            Path log = dir.resolve("service-" + port + ".log");
            List<String> command = command(jar, port, zooKeeper.getConnectString(), dir, startGtids);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ShardhomeService service = new ShardhomeService(zooKeeper, process, port, log);
            try {
                service.awaitUp();
                service.registerSites();
            } catch (Exception | Error e) {
                service.stop(); // no process outlives a failed start
                throw e;
            }
            return service;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not start the shardhome service for the tests: " + e.getMessage(), e);
        }
    }

    private static List<String> command(Path jar, int port, String zooKeeper, Path dir, List<String> startGtids) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> args = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toAbsolutePath().toString(),
                "serve",
                "--port=" + port,
                "--zookeeper=" + zooKeeper,
                "--data-dir=" + dir.toAbsolutePath(),
                "--cluster=it",
                "--shardhome.security.tokens[0].name=ops",
                "--shardhome.security.tokens[0].token=" + ADMIN_TOKEN,
                "--shardhome.security.tokens[0].role=admin",
                "--shardhome.security.tokens[1].name=app",
                "--shardhome.security.tokens[1].token=" + READER_TOKEN,
                "--shardhome.security.tokens[1].role=reader",
                "--shardhome.links.publish-interval=200ms",
                "--shardhome.map-feed.heartbeat=1s",
                // The fence closes every other account that can write a moving shard (the application's
                // included); the test sites' administrators are trusted.
                "--shardhome.grants.trusted-accounts=root@localhost,mariadb.sys@localhost," + MariaDbSite.USER + "@%,"
                        + MariaDbSite.LINK_USER + "@%",
                "--logging.level.io.shardhome=INFO"));
        for (int i = 0; i < SITES.size(); i++) {
            String site = SITES.get(i);
            args.add("--shardhome.site-credentials." + site + ".user=" + MariaDbSite.LINK_USER);
            args.add("--shardhome.site-credentials." + site + ".password=" + MariaDbSite.PASSWORD);
            String target = SITES.get(1 - i);
            args.add("--shardhome.links.run[" + i + "].source=" + site);
            args.add("--shardhome.links.run[" + i + "].target=" + target);
            args.add("--shardhome.links.run[" + i + "].start-gtid=" + startGtids.get(i));
        }
        return args;
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("the service was not UP within " + START_TIMEOUT + ":\n" + tail());
    }

    private void registerSites() {
        for (String site : SITES) {
            MariaDbSite master = MariaDbSites.get(site);
            admin().put("/api/v1/sites/" + site, "{\"host\":\"" + master.host() + "\",\"port\":" + master.port() + "}");
        }
        for (String link : List.of("nyc->sjc", "sjc->nyc")) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "ONLINE"
                    .equals(linkState(link.substring(0, 3), link.substring(5))));
        }
    }

    /** The last lines of the service's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String zooKeeper() {
        return zooKeeper.getConnectString();
    }

    /** The directory's cluster name ({@code shardhome.client.cluster} for ZooKeeper clients). */
    public String cluster() {
        return "it";
    }

    public ServiceHttp admin() {
        return new ServiceHttp(url(), ADMIN_TOKEN);
    }

    public String linkState(String source, String target) {
        return admin().get("/api/v1/links/" + ServiceHttp.link(source, target))
                .path("status")
                .path("state")
                .asText();
    }

    /** The properties of an application of this service: the map over HTTP, the app account, local nyc. */
    public List<String> clientProperties() {
        return List.of(
                "shardhome.client.url=" + url(),
                "shardhome.client.token=" + READER_TOKEN,
                "shardhome.client.username=" + APP_USER,
                "shardhome.client.password=" + APP_PASSWORD,
                "shardhome.client.local-site=nyc");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            zooKeeper.close();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("the test ZooKeeper did not stop cleanly: " + e);
        }
    }

    /** Shards and moves through the service's API, as an operator does it. */
    public Shards shards() {
        return new Shards(this);
    }

    JsonNode move(String shard, String to) {
        return admin().post("/api/v1/moves", "{\"shard\":\"" + shard + "\",\"to\":\"" + to + "\"}");
    }
}
