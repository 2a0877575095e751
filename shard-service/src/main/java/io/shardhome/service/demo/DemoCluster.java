package io.shardhome.service.demo;

import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running demo: the shardhome service (REST API, web page, embedded ZooKeeper, links both ways) and
 * one real MariaDB master per site, seeded with the seed article's map.
 *
 * <p>Start once with {@link #start}. {@link #close()} is idempotent and safe from a shutdown hook while
 * {@link #start} still runs: it stops the service first (so links stop reading), then the servers.
 * Thread-safe.
 */
final class DemoCluster implements AutoCloseable {
    private final DemoSettings settings;
    private final DemoExample example;
    private final List<DemoSite> sites = new ArrayList<>();
    private ConfigurableApplicationContext service;
    private boolean seeded;
    private boolean closed;

    DemoCluster(DemoSettings settings) {
        this(settings, null);
    }

    /** @param example the example application to run next to the sites, or null */
    DemoCluster(DemoSettings settings, DemoExample example) {
        this.settings = settings;
        this.example = example;
    }

    /**
     * Starts everything; on failure stops what had started and rethrows. Each step holds this object's
     * lock, so a {@link #close()} from a shutdown hook waits for the step in progress and then stops what
     * it started; the next step sees the demo closed and gives up.
     */
    void start() {
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        synchronized (this) {
            requireOpen();
            prepareDataDir();
            List<String> arguments = new ArrayList<>(settings.serviceArguments());
            if (example != null) {
                arguments.addAll(example.serviceArguments());
            }
            service = ShardhomeApplication.start(arguments.toArray(String[]::new));
        }
        for (int i = 0; i < DemoSettings.SITES.size(); i++) {
            synchronized (this) {
                requireOpen();
                sites.add(DemoSite.start(
                        settings.layout(),
                        DemoSettings.SITES.get(i),
                        i + 1,
                        settings.sitePorts().get(i)));
            }
        }
        synchronized (this) {
            requireOpen();
            seeded = DemoSeed.apply(service.getBean(DirectoryAccess.class), List.copyOf(sites));
        }
        if (example != null) {
            int servicePort;
            synchronized (this) {
                requireOpen();
                servicePort = httpPort();
            }
            example.start(servicePort); // outside the lock: close() ends its wait
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ServiceException(Code.INTERNAL, "the demo was stopped while it was starting");
        }
    }

    private void prepareDataDir() {
        Path dir = settings.layout().dataDir();
        try {
            if (settings.fresh()) {
                deleteDemoData(dir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
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
        if (!Files.exists(dir)) {
            return;
        }
        boolean looksLikeDemo =
                Files.isDirectory(dir.resolve("mariadb")) || Files.isDirectory(dir.resolve("zookeeper"));
        try (Stream<Path> entries = Files.list(dir)) {
            if (!looksLikeDemo && entries.findAny().isPresent()) {
                throw new ServiceException(
                        Code.INVALID_INPUT,
                        "--fresh would delete " + dir + ", which does not look like a demo's data directory (no"
                                + " mariadb/ or zookeeper/ in it); pass an empty or demo --data-dir");
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The service's HTTP port (the actual one when 0 was asked for). */
    synchronized int httpPort() {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    /** The running sites, in order nyc, sjc. */
    synchronized List<DemoSite> sites() {
        return List.copyOf(sites);
    }

    synchronized DemoSite site(String name) {
        return sites.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ServiceException(Code.SITE_NOT_FOUND, "the demo has no site " + name));
    }

    /** The example application, or null when the demo runs without it. */
    DemoExample example() {
        return example;
    }

    /** Whether this start seeded an empty map (a first start or --fresh). */
    synchronized boolean seeded() {
        return seeded;
    }

    DemoSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        ConfigurableApplicationContext context;
        List<DemoSite> started;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            context = service;
            started = new ArrayList<>(sites);
        }
        if (example != null) {
            example.close();
        }
        if (context != null) {
            context.close();
        }
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
        if (failure != null) {
            throw failure;
        }
    }
}
