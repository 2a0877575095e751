package io.shardhome.service.demo;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.security.AdminTokenFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example application ({@code examples/notes}, a jar of its own) next to a demo's sites ({@code
 * shardhome demo --with-example}): a process of its own that gets the shard map from the demo's service
 * with a reader token, writes with the demo's application account and reads nyc's copies. The demo then
 * configures two tokens: its admin token (the file the CLI reads, as without the example) and the
 * example's reader token ({@code example.token} in the data directory).
 *
 * <p>Start once after the service is up; {@link #close()} stops the process (idempotent). Thread-safe.
 */
final class DemoExample implements AutoCloseable {
    static final String LOCAL_SITE = "nyc";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path jar;
    private final int port;
    private final DemoLayout layout;
    private Process process;
    private volatile boolean closed;

    DemoExample(Path jar, int port, DemoLayout layout) {
        this.jar = jar.toAbsolutePath().normalize();
        this.port = port;
        this.layout = layout;
    }

    int port() {
        return port;
    }

    /** A port free right now, for {@code --check}. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw failed("no free port for the example application: " + e.getMessage(), e);
        }
    }

    Path logFile() {
        return layout.dataDir().resolve("example.log");
    }

    /** The service's tokens: the admin token of the data directory and the example's reader token. */
    List<String> serviceArguments() {
        String admin = AdminTokenFile.loadOrCreate(layout.tokenFile());
        return List.of(
                "--shardhome.security.tokens[0].name=admin",
                "--shardhome.security.tokens[0].token=" + admin,
                "--shardhome.security.tokens[0].role=admin",
                "--shardhome.security.tokens[1].name=notes-example",
                "--shardhome.security.tokens[1].token=" + readerToken(),
                "--shardhome.security.tokens[1].role=reader");
    }

    private String readerToken() {
        return AdminTokenFile.loadOrCreate(layout.dataDir().resolve("example.token"));
    }

    /**
     * Starts the example against the service on {@code servicePort} and waits until it is UP; {@link
     * #close()} from another thread ends the wait.
     */
    void start(int servicePort) {
        spawn(servicePort);
        awaitUp();
    }

    private synchronized void spawn(int servicePort) {
        if (closed) {
            throw new ServiceException(Code.INTERNAL, "the demo was stopped while it was starting");
        }
        if (!Files.isRegularFile(jar)) {
            throw new ServiceException(
                    Code.INVALID_INPUT,
                    "the example application " + jar + " is missing; build it (mvn -B -pl examples/notes -am package"
                            + " -DskipTests) or run the demo through ./shardhome, which builds it");
        }
        try {
            process = new ProcessBuilder(command(servicePort))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile().toFile())
                    .start();
        } catch (IOException e) {
            throw failed("could not start " + jar + ": " + e.getMessage(), e);
        }
    }

    private List<String> command(int servicePort) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--shardhome.client.url=http://127.0.0.1:" + servicePort);
        command.add("--shardhome.client.token=" + readerToken());
        command.add("--shardhome.client.username=" + DemoAccounts.APP.user());
        command.add("--shardhome.client.password=" + DemoAccounts.APP.password());
        command.add("--shardhome.client.local-site=" + LOCAL_SITE);
        return command;
    }

    private void awaitUp() {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (closed) {
                    throw failed("the demo was stopped while the example application started", null);
                }
                if (!process.isAlive()) {
                    throw failed(
                            "the example application exited with " + process.exitValue() + "; see " + logFile(), null);
                }
                try {
                    HttpResponse<String> up =
                            http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                    if (up.statusCode() == 200 && up.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while the example application started", e);
        }
        throw failed(
                "the example application was not UP within " + START_TIMEOUT.toSeconds() + " s; see " + logFile(),
                null);
    }

    private static ServiceException failed(String message, Exception cause) {
        return new ServiceException(Code.INTERNAL, message, Map.of(), cause);
    }

    /** Stops the example (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        closed = true;
        stopProcess();
    }

    private synchronized void stopProcess() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
