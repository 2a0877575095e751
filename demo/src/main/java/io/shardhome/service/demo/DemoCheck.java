package io.shardhome.service.demo;

import io.shardhome.service.error.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo's self-test ({@code shardhome demo --check}): the service answers its health check UP, and a
 * row written at sjc into acme (homed at sjc) arrives at nyc (and lon) through the links from sjc. Every wait is
 * bounded. Returns a problem instead of throwing, so the command can stop the demo and exit 1.
 */
final class DemoCheck {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(200);

    private DemoCheck() {}

    /** @return empty when both checks passed, else what failed */
    static Optional<String> run(DemoCluster cluster, java.io.PrintWriter out) throws InterruptedException {
        String health = "http://127.0.0.1:" + cluster.httpPort() + "/actuator/health";
        if (!await(HEALTH_TIMEOUT, () -> isUp(health))) {
            return Optional.of(health + " did not answer UP within " + HEALTH_TIMEOUT.toSeconds() + " s; see "
                    + cluster.settings().layout().logFile());
        }
        out.println("check: " + health + " is UP");
        String marker = UUID.randomUUID().toString();
        DemoSite sjc = cluster.site("sjc");
        sjc.execute(
                "CREATE DATABASE IF NOT EXISTS acme",
                "CREATE TABLE IF NOT EXISTS acme.demo_check (marker CHAR(36) PRIMARY KEY, written_at DATETIME(6))",
                "INSERT INTO acme.demo_check VALUES ('" + marker + "', NOW(6))");
        long started = System.nanoTime();
        for (DemoSite copy : cluster.sites()) {
            if (copy == sjc) {
                continue;
            }
            boolean arrived = await(REPLICATION_TIMEOUT, () -> marker.equals(readAtCopy(copy, marker)));
            if (!arrived) {
                return Optional.of("a row written at sjc into acme did not arrive at " + copy.name() + " within "
                        + REPLICATION_TIMEOUT.toSeconds() + " s; run './shardhome link status' against a demo and see "
                        + cluster.settings().layout().logFile());
            }
            out.printf(
                    "check: a row written at sjc into acme arrived at %s after %d ms%n",
                    copy.name(), (System.nanoTime() - started) / 1_000_000);
        }
        return Optional.empty();
    }

    /** The marker's row at the copy, or null while the schema, table or row has not arrived yet. */
    private static String readAtCopy(DemoSite copy, String marker) {
        try {
            return copy.value("SELECT marker FROM acme.demo_check WHERE marker='" + marker + "'");
        } catch (ServiceException notYet) {
            return null;
        }
    }

    private static boolean isUp(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean await(Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while the demo check waited");
            }
            Thread.sleep(POLL.toMillis());
        }
        return condition.get();
    }
}
