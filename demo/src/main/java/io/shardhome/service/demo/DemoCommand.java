package io.shardhome.service.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shardhome demo}: a complete two-site shardhome on one machine with only a JDK: the service with
 * an embedded ZooKeeper, two real MariaDB masters {@code nyc} and {@code sjc}, the seed article's map and
 * links both ways; {@code --sites 3} adds {@code lon} and runs all six links. Runs until Ctrl-C/SIGTERM, which
 * stops the service and then the servers (also during start-up, within seconds); a start after a kill -9
 * stops the servers the killed demo left running first.
 * {@code --check} instead starts it, checks health and one replicated row, stops, and exits 0 or 1.
 */
@Command(
        name = "demo",
        description = "Run a two-site demo (embedded ZooKeeper, MariaDB sites nyc and sjc, links both ways);"
                + " --sites 3 adds lon and all six links.")
public final class DemoCommand implements Callable<Integer> {
    static final Path DEFAULT_DATA_DIR = Path.of(".shardhome", "demo");
    static final Path CHECK_DATA_DIR = Path.of(".shardhome", "demo-check");
    private static final int OK = 0;
    private static final int CHECK_FAILED = 1;
    private static final int STOPPED_WHILE_STARTING = 130;

    @Option(names = "--port", description = "HTTP port of the service (default 8080; --check: a free one)")
    Integer port;

    @Option(names = "--nyc-port", description = "MariaDB port of site nyc (default 3316; --check: a free one)")
    Integer nycPort;

    @Option(names = "--sjc-port", description = "MariaDB port of site sjc (default 3317; --check: a free one)")
    Integer sjcPort;

    @Option(
            names = "--sites",
            description = "how many sites: 2 (nyc, sjc) or 3 (nyc, sjc, lon, with links between every pair)",
            defaultValue = "2")
    int sites;

    @Option(names = "--lon-port", description = "MariaDB port of site lon with --sites 3 (default 3318)")
    Integer lonPort;

    @Option(
            names = "--data-dir",
            description = "where the demo keeps its data (default ./.shardhome/demo; --check: ./.shardhome/demo-check)")
    Path dataDir;

    @Option(names = "--fresh", description = "delete the data of an earlier demo run first")
    boolean fresh;

    @Option(
            names = "--check",
            description = "start from scratch, check health and that a row written at sjc arrives at nyc, stop;"
                    + " exit 0 when it did, 1 when not")
    boolean check;

    @Option(
            names = "--with-example",
            description = "also run the example application (examples/notes) against the demo, reading nyc's copies")
    boolean withExample;

    @Option(
            names = "--example-port",
            description = "HTTP port of the example application (default 8081; --check: a free one)")
    Integer examplePort;

    @Option(
            names = "--example-jar",
            description = "the example application's jar (default $SHARDHOME_EXAMPLE_JAR, else"
                    + " examples/notes/target/notes-example.jar)")
    Path exampleJar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DemoSettings settings = settings();
        out.println("shardhome demo: starting ZooKeeper, the service and MariaDB sites "
                + String.join(", ", settings.sites()) + " in "
                + settings.layout().dataDir() + " (the first start unpacks MariaDB: about a minute)...");
        out.flush();
        DemoExample example = withExample ? example(settings) : null;
        DemoCluster cluster = new DemoCluster(settings, example);
        AtomicBoolean signalled = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            signalled.set(true);
                            stop(cluster, out);
                        },
                        "shardhome-demo-stop"));
        try {
            try {
                cluster.start();
            } catch (RuntimeException e) {
                if (signalled.get()) {
                    spec.commandLine().getErr().println("shardhome demo: stopped during start-up");
                    return STOPPED_WHILE_STARTING;
                }
                throw e;
            }
            out.println(DemoBanner.render(settings.layout(), cluster.httpPort(), sitePorts(cluster), cluster.seeded()));
            if (example != null) {
                out.println(DemoExampleBanner.render(example));
            }
            out.flush();
            return check ? runCheck(cluster, out) : runUntilStopped();
        } finally {
            cluster.close();
        }
    }

    private int runCheck(DemoCluster cluster, PrintWriter out) throws InterruptedException {
        Optional<String> problem = DemoCheck.run(cluster, out);
        if (problem.isEmpty() && withExample) {
            problem = DemoExampleBanner.check(cluster.example(), out);
        }
        problem.ifPresent(p -> spec.commandLine().getErr().println("shardhome demo --check failed: " + p));
        out.println(problem.isEmpty() ? "check passed; stopping the demo" : "stopping the demo");
        out.flush();
        return problem.isEmpty() ? OK : CHECK_FAILED;
    }

    /** Stops the service, then the servers; prints when done (the log may already be closed). */
    private static void stop(DemoCluster cluster, PrintWriter out) {
        cluster.close();
        out.println("shardhome demo stopped");
        out.flush();
    }

    /** Waits until the JVM shuts down (Ctrl-C, SIGTERM); the shutdown hook stops the demo. */
    private static int runUntilStopped() throws InterruptedException {
        new CountDownLatch(1).await();
        return OK;
    }

    private DemoExample example(DemoSettings settings) {
        Path jar = exampleJar;
        if (jar == null) {
            String fromLauncher = System.getenv("SHARDHOME_EXAMPLE_JAR");
            jar = fromLauncher != null
                    ? Path.of(fromLauncher)
                    : Path.of("examples", "notes", "target", "notes-example.jar");
        }
        int port = examplePort != null ? examplePort : check ? 0 : 8081;
        return new DemoExample(jar, port == 0 ? DemoExample.freePort() : port, settings.layout());
    }

    DemoSettings settings() {
        Path dir = dataDir != null ? dataDir : check ? CHECK_DATA_DIR : DEFAULT_DATA_DIR;
        if (sites != 2 && sites != 3) {
            throw new ParameterException(spec.commandLine(), "--sites must be 2 or 3, got " + sites);
        }
        List<Integer> ports = new ArrayList<>(List.of(portOrDefault(nycPort, 3316), portOrDefault(sjcPort, 3317)));
        if (sites == 3) {
            ports.add(portOrDefault(lonPort, 3318));
        }
        return new DemoSettings(new DemoLayout(dir), portOrDefault(port, 8080), ports, fresh || check);
    }

    /** The given port, else the default; a check takes free ports so it never clashes with a running demo. */
    private int portOrDefault(Integer given, int defaultPort) {
        if (given != null) {
            return given;
        }
        return check ? 0 : defaultPort;
    }

    private static Map<String, Integer> sitePorts(DemoCluster cluster) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (DemoSite site : cluster.sites()) {
            ports.put(site.name(), site.port());
        }
        return ports;
    }
}
