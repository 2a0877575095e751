package io.shardhome.bench.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code shard-service/target/shardhome.jar serve}) as a process of its own with
 * its embedded ZooKeeper on a known port, an admin and a reader token, and a fresh data directory: the
 * one instance whose cost a watcher benchmark measures. Stopped by {@link #close()}.
 */
final class ServiceProcess implements AutoCloseable {
    static final String ADMIN = "bench-admin-token";
    static final String READER = "bench-reader-token";

    private final Process process;
    private final int port;
    private final int zooKeeperPort;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServiceProcess(Process process, int port, int zooKeeperPort) {
        this.process = process;
        this.port = port;
        this.zooKeeperPort = zooKeeperPort;
    }

    static ServiceProcess start(Path jar, Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        int zooKeeperPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx1g",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "serve",
                        "--port=" + port,
                        "--data-dir=" + dir.resolve("data").toAbsolutePath(),
                        "--shardhome.zookeeper.embedded-port=" + zooKeeperPort,
                        "--shardhome.security.tokens[0].name=ops",
                        "--shardhome.security.tokens[0].token=" + ADMIN,
                        "--shardhome.security.tokens[0].role=admin",
                        "--shardhome.security.tokens[1].name=apps",
                        "--shardhome.security.tokens[1].token=" + READER,
                        "--shardhome.security.tokens[1].role=reader"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile())
                .start();
        ServiceProcess service = new ServiceProcess(process, port, zooKeeperPort);
        service.awaitUp();
        return service;
    }

    private void awaitUp() throws Exception {
        for (int i = 0; i < 360; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                if (send("GET", "/actuator/health", null, null).contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("the service was not UP within 3 minutes");
    }

    String send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The heap the service uses now (MB), from its Prometheus metrics. */
    double heapUsedMegabytes() throws IOException, InterruptedException {
        double bytes = 0;
        for (String line : send("GET", "/actuator/prometheus", null, null).split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024 * 1024);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String zooKeeper() {
        return "127.0.0.1:" + zooKeeperPort;
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
