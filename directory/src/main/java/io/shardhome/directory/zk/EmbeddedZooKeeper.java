package io.shardhome.directory.zk;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A single-node ZooKeeper inside this JVM, used when no external ensemble is configured. Its data lives
 * in {@code baseDir} and survives restarts. Production should use an external ensemble.
 *
 * <p>Start once with {@link #start}; {@link #close} is idempotent. Thread-safe.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 30_000;

    private final ZooKeeperServerEmbedded server;
    private final int port;
    private final Path baseDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedZooKeeper(ZooKeeperServerEmbedded server, int port, Path baseDir) {
        this.server = server;
        this.port = port;
        this.baseDir = baseDir;
    }

    /**
     * Starts a server keeping its data under {@code baseDir} (created if missing).
     *
     * @param port client port, or 0 to pick a free one
     * @throws DirectoryException {@code UNAVAILABLE} when it cannot start (port taken, directory not writable)
     */
    public static EmbeddedZooKeeper start(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir.resolve("data"));
            int chosen = port == 0 ? freePort() : port;
            ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder()
                    .baseDir(baseDir)
                    .configuration(configuration(baseDir, chosen))
                    .exitHandler(ExitHandler.LOG_ONLY)
                    .build();
            server.start(START_TIMEOUT_MS);
            return new EmbeddedZooKeeper(server, chosen, baseDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException(Code.INTERRUPTED, "interrupted while starting embedded ZooKeeper", e);
        } catch (Exception e) {
            throw new DirectoryException(
                    Code.UNAVAILABLE,
                    "embedded ZooKeeper did not start in " + baseDir + " on port "
                            + port + ": " + e.getMessage() + "; check the directory is writable and the port free, or "
                            + "configure an external ZooKeeper connect string",
                    e);
        }
    }

    private static Properties configuration(Path baseDir, int port) {
        Properties p = new Properties();
        p.setProperty("tickTime", "2000");
        p.setProperty("initLimit", "10");
        p.setProperty("syncLimit", "5");
        p.setProperty("dataDir", baseDir.resolve("data").toAbsolutePath().toString());
        p.setProperty("clientPort", Integer.toString(port));
        p.setProperty("clientPortAddress", "127.0.0.1");
        p.setProperty("maxClientCnxns", "0");
        p.setProperty("admin.enableServer", "false");
        p.setProperty("autopurge.snapRetainCount", "3");
        p.setProperty("autopurge.purgeInterval", "1");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String connectString() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path baseDir() {
        return baseDir;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }
}
