package io.shardhome.service.crash;

import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code shardhome serve} instance as operators run it: the packaged jar in its own JVM, on the test
 * ZooKeeper, offering to run both links between the test masters nyc and sjc and to lead moves, with a
 * short ZooKeeper session (so a killed instance's links and moves are taken over within seconds).
 */
final class ServeProcess implements AutoCloseable {
    static final String ADMIN = "crash-admin-token";
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration START = Duration.ofMinutes(3);

    private final JarProcess process;
    private final int port;
    private volatile boolean frozen;

    private ServeProcess(JarProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an instance and waits until it serves HTTP. */
    static ServeProcess start(String name, String cluster, String zooKeeper, Path dir, List<String> startGtids) {
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--port=0",
                "--zookeeper=" + zooKeeper,
                "--cluster=" + cluster,
                "--data-dir=" + dir.resolve(name),
                "--shardhome.zookeeper.session-timeout=" + SESSION_TIMEOUT.toSeconds() + "s",
                "--shardhome.security.tokens[0].name=ops",
                "--shardhome.security.tokens[0].token=" + ADMIN,
                "--shardhome.security.tokens[0].role=admin",
                "--shardhome.links.publish-interval=200ms",
                "--shardhome.links.history-interval=1s",
                // The fence closes every other account that can write a moving shard (the application's
                // included); the test sites' administrators are trusted.
                "--shardhome.grants.trusted-accounts=root@localhost,mariadb.sys@localhost," + MariaDbSite.USER + "@%,"
                        + MariaDbSite.LINK_USER + "@%",
                "--shardhome.moves.catch-up-timeout=60s",
                "--spring.jmx.enabled=false",
                "--logging.level.io.shardhome=INFO"));
        String[] sites = {"nyc", "sjc"};
        for (int i = 0; i < sites.length; i++) {
            String source = sites[i];
            String target = sites[1 - i];
            args.add("--shardhome.links.run[" + i + "].source=" + source);
            args.add("--shardhome.links.run[" + i + "].target=" + target);
            args.add("--shardhome.links.run[" + i + "].start-gtid=" + startGtids.get(i));
            args.add("--shardhome.site-credentials." + source + ".user=" + MariaDbSite.LINK_USER);
            args.add("--shardhome.site-credentials." + source + ".password=" + MariaDbSite.PASSWORD);
        }
        JarProcess process = JarProcess.start(
                name,
                JarProcess.packagedJar("shardhome.jar"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                args,
                dir.resolve(name + ".log"));
        process.awaitOutput("Started ShardhomeApplication", START);
        int port = Integer.parseInt(process.awaitOutput("Tomcat started on port (\\d+)", Duration.ofSeconds(1)));
        return new ServeProcess(process, port);
    }

    String name() {
        return process.name();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Alive and not frozen: it answers requests. */
    boolean isServing() {
        return !frozen && process.isAlive();
    }

    /** Its id in leader elections and in {@code runningIn}: {@code pid@host}. */
    boolean isInstance(String instanceId) {
        return instanceId.startsWith(pid() + "@");
    }

    Api api() {
        return Api.at(port, ADMIN);
    }

    String log() {
        return process.output();
    }

    /** SIGKILL. */
    void kill() {
        process.kill();
    }

    /** SIGSTOP: frozen with its sockets open, as in a long pause. */
    void freeze() {
        process.freeze();
        frozen = true;
    }

    void thaw() {
        process.thaw();
        frozen = false;
    }

    /** Stops it (SIGTERM, then SIGKILL); a frozen one is killed at once. */
    @Override
    public void close() {
        if (frozen) {
            process.kill();
        } else {
            process.close();
        }
    }
}
