package io.shardhome.service.testing;

import org.apache.curator.test.TestingServer;

/**
 * One real in-process ZooKeeper for the whole test JVM, so every test class can share one Spring
 * context (same connect string = same cached context). Stopped when the JVM exits.
 */
public final class SharedZooKeeper {
    private static TestingServer server;

    private SharedZooKeeper() {}

    public static synchronized String connectString() {
        if (server == null) {
            try {
                server = new TestingServer(true);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test ZooKeeper", e);
            }
            TestingServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (java.io.IOException e) {
                    System.err.println("test ZooKeeper did not stop cleanly: " + e);
                }
            }));
        }
        return server.getConnectString();
    }
}
