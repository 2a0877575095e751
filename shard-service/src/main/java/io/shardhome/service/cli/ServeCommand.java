package io.shardhome.service.cli;

import io.shardhome.service.ShardhomeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code shardhome serve}: runs the service until it is stopped (SIGTERM/Ctrl-C close it cleanly).
 * Options not listed here are passed to Spring Boot, e.g. {@code --shardhome.cluster=prod}.
 */
@Command(name = "serve", description = "Run the shardhome service (REST API, lookup, directory).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;

    @Option(names = "--zookeeper", description = "ZooKeeper connect string; none starts an embedded node")
    String zookeeper;

    @Option(names = "--data-dir", description = "data directory (default ./.shardhome)")
    String dataDir;

    @Option(names = "--cluster", description = "directory cluster name (default 'default')")
    String cluster;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = ShardhomeApplication.start(arguments());
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return ShardhomeCli.OK;
    }

    String[] arguments() {
        List<String> args = new ArrayList<>(springArguments);
        add(args, "server.port", port);
        add(args, "shardhome.zookeeper.connect", zookeeper);
        add(args, "shardhome.data-dir", dataDir);
        add(args, "shardhome.cluster", cluster);
        return args.toArray(String[]::new);
    }

    private static void add(List<String> args, String property, Object value) {
        if (value != null) {
            args.add("--" + property + "=" + value);
        }
    }
}
