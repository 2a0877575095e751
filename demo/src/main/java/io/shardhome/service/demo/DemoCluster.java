package io.shardhome.service.demo;

import io.shardhome.links.embedded.EmbeddedMariaDb;
import io.shardhome.links.embedded.EmbeddedMariaDbException;
import io.shardhome.links.embedded.EmbeddedMariaDbOptions;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running demo: the shardhome service (REST API, web page, embedded ZooKeeper, links both ways) and
 * one real MariaDB master per site, seeded with the seed article's map.
 *
 * <p>Lifecycle ({@link State}): {@link #start} once; {@link #close()} is idempotent and safe from a shutdown
 * hook while {@link #start} still runs. Closing during start-up does not wait for a server's start-up (which
 * may take minutes): it stops the servers still starting, which makes their start fail at once, waits at
 * most {@link #ABORT_WAIT} for the step in progress to end, and then stops the service first (so links stop
 * reading) and the servers that did start. One demo per data directory ({@link DemoLock}). Thread-safe.
 */
final class DemoCluster implements AutoCloseable {
    /** Closing during start-up waits at most this long for a step to end (Ctrl-C stops all within 10 s). */
    static final Duration ABORT_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(DemoCluster.class);
    /** A server still starting is killed: it ignores SIGTERM until it is up, and crash recovery is safe. */
    private static final Duration STARTING_SERVER_GRACE = Duration.ofMillis(300);
    /** Servers left running by an earlier demo, stopped before --fresh deletes their data. */
    private static final Duration SERVER_STOP_GRACE = Duration.ofSeconds(3);

    /** Where a demo is in its life. */
    enum State {
        NEW,
        STARTING,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final DemoSettings settings;
    private final DemoExample example;
    private final List<EmbeddedMariaDbOptions> siteOptions = new ArrayList<>();
    /** Held by the start-up step in progress; close() takes it to know no step runs any more. */
    private final ReentrantLock step = new ReentrantLock();

    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final List<DemoSite> sites = new CopyOnWriteArrayList<>();
    private volatile ConfigurableApplicationContext service;
    private volatile boolean seeded;
    private volatile boolean startingServer;
    private volatile DemoLock lock;

    DemoCluster(DemoSettings settings) {
        this(settings, null);
    }

    /** @param example the example application to run next to the sites, or null */
    DemoCluster(DemoSettings settings, DemoExample example) {
        this.settings = settings;
        this.example = example;
        List<String> names = settings.sites();
        for (int i = 0; i < names.size(); i++) {
            siteOptions.add(DemoSite.options(
                    settings.layout(), names.get(i), i + 1, settings.sitePorts().get(i)));
        }
    }

    /**
     * Starts everything; on failure stops what had started and rethrows.
     *
     * @throws ServiceException {@code INVALID_INPUT} when another demo runs in the data directory or --fresh
     *     would delete something else; {@code INTERNAL} when the demo was stopped while starting; others as
     *     the step that failed
     */
    void start() {
        if (!state.compareAndSet(State.NEW, State.STARTING)) {
            throw new ServiceException(Code.INTERNAL, "a demo starts once; this one is " + state.get());
        }
        try {
            inStep(false, () -> {
                lock = DemoLock.acquire(settings.layout());
                prepareDataDir();
            });
            inStep(false, () -> service = ShardhomeApplication.start(serviceArguments()));
            for (int i = 0; i < siteOptions.size(); i++) {
                String name = settings.sites().get(i);
                EmbeddedMariaDbOptions options = siteOptions.get(i);
                inStep(true, () -> sites.add(DemoSite.start(name, options)));
            }
            inStep(false, () -> seeded = DemoSeed.apply(service.getBean(DirectoryAccess.class), List.copyOf(sites)));
            if (example != null) {
                // Not a step: close() stops the example process, which ends its start-up wait.
                requireStarting();
                example.start(httpPort());
            }
            if (!state.compareAndSet(State.STARTING, State.RUNNING)) {
                throw stoppedWhileStarting();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @param startsServer whether the step starts processes outside this JVM (a site's server) */
    private void inStep(boolean startsServer, Runnable work) {
        step.lock();
        try {
            // Written before the state is read, as close() writes the state before it reads this: either
            // this step sees the demo stopping, or close() sees that a server may be starting.
            startingServer = startsServer;
            if (state.get() != State.STARTING) {
                throw stoppedWhileStarting();
            }
            work.run();
        } finally {
            startingServer = false;
            step.unlock();
        }
    }

    private String[] serviceArguments() {
        List<String> arguments = new ArrayList<>(settings.serviceArguments());
        if (example != null) {
            arguments.addAll(example.serviceArguments());
        }
        return arguments.toArray(String[]::new);
    }

    private void requireStarting() {
        if (state.get() != State.STARTING) {
            throw stoppedWhileStarting();
        }
    }

    private static ServiceException stoppedWhileStarting() {
        return new ServiceException(Code.INTERNAL, "the demo was stopped while it was starting");
    }

    /** A fresh start stops servers an earlier demo left running before it deletes their data. */
    private void prepareDataDir() {
        Path dir = settings.layout().dataDir();
        try {
            if (settings.fresh()) {
                siteOptions.forEach(options -> EmbeddedMariaDb.stopProcessesOf(options, SERVER_STOP_GRACE));
                deleteDemoData(dir);
            }
            Files.createDirectories(dir);
        } catch (IOException | EmbeddedMariaDbException e) {
            throw new ServiceException(
                    Code.INTERNAL,
                    "cannot prepare the demo's data directory " + dir + " (" + e.getMessage()
                            + "); make it writable or pass another --data-dir",
                    Map.of(),
                    e);
        }
    }

    /** Deletes an earlier demo's data, refusing directories that do not look like one. */
    private static void deleteDemoData(Path dir) throws IOException {
        boolean looksLikeDemo =
                Files.isDirectory(dir.resolve("mariadb")) || Files.isDirectory(dir.resolve("zookeeper"));
        try (Stream<Path> entries = Files.list(dir)) {
            if (!looksLikeDemo
                    && entries.anyMatch(p -> !p.getFileName().toString().equals("demo.lock"))) {
                throw new ServiceException(
                        Code.INVALID_INPUT,
                        "--fresh would delete " + dir + ", which does not look like a demo's data directory (no"
                                + " mariadb/ or zookeeper/ in it); pass an empty or demo --data-dir");
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.getFileName().toString().equals("demo.lock")) {
                    Files.delete(p);
                }
            }
        }
    }

    State state() {
        return state.get();
    }

    /** The service's HTTP port (the actual one when 0 was asked for). */
    int httpPort() {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    /** The running sites, in order nyc, sjc. */
    List<DemoSite> sites() {
        return List.copyOf(sites);
    }

    DemoSite site(String name) {
        return sites.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ServiceException(Code.SITE_NOT_FOUND, "the demo has no site " + name));
    }

    /** Whether this start seeded an empty map (a first start or --fresh). */
    boolean seeded() {
        return seeded;
    }

    /** The example application, or null when the demo runs without it. */
    DemoExample example() {
        return example;
    }

    DemoSettings settings() {
        return settings;
    }

    /**
     * Stops the demo, once: aborts a start-up in progress (see the class comment), stops the service, then
     * the servers in reverse order, then releases the data directory. Later calls return at once.
     *
     * @throws ServiceException {@code MASTER_FAILED} when a server did not stop (the others are stopped)
     */
    @Override
    public void close() {
        State before = state.getAndUpdate(s -> s == State.STOPPING || s == State.STOPPED ? s : State.STOPPING);
        if (before == State.STOPPING || before == State.STOPPED) {
            return;
        }
        LOG.info("stopping the demo ({})", before);
        boolean stepEnded = abortStartUp();
        LOG.info(
                stepEnded
                        ? "no start-up step runs; stopping the service and the servers"
                        : "a start-up step is still running; stopping what started (the rest ends with this process)");
        try {
            stopAll();
        } finally {
            if (stepEnded) {
                step.unlock();
            }
            if (lock != null) {
                lock.close();
            }
            state.set(State.STOPPED);
            LOG.info("the demo is stopped");
        }
    }

    /**
     * Stops servers that are still starting (again and again, as a step may spawn one after the first
     * attempt) until no start-up step runs, at most {@link #ABORT_WAIT}. A step that starts nothing outside
     * this JVM (the service) is not waited for: no later step begins once the demo is stopping, and what it
     * does in this JVM ends with it. @return whether the step lock is held
     */
    private boolean abortStartUp() {
        long deadline = System.nanoTime() + ABORT_WAIT.toNanos();
        try {
            while (!step.tryLock(100, TimeUnit.MILLISECONDS)) {
                stopServersStillStarting();
                if (!startingServer || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopServersStillStarting() {
        if (lock == null) {
            return; // without the data directory's lock, servers there are another running demo's
        }
        for (int i = sites.size(); i < siteOptions.size(); i++) {
            EmbeddedMariaDb.stopProcessesOf(siteOptions.get(i), STARTING_SERVER_GRACE);
        }
    }

    private void stopAll() {
        if (example != null) {
            example.close();
        }
        ConfigurableApplicationContext context = service;
        if (context != null) {
            context.close();
        }
        List<DemoSite> started = new ArrayList<>(sites);
        Collections.reverse(started);
        RuntimeException failure = null;
        for (DemoSite site : started) {
            try {
                site.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        stopServersStillStarting();
        if (failure != null) {
            throw failure;
        }
    }
}
