package io.shardhome.links.testing;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * The {@link Flavour#MYSQL8} factory of site masters (compiled only under {@code -Pmysql8}; {@link
 * Flavour} finds it by name): MySQL 8 containers started by Testcontainers, available when a Docker engine
 * is reachable.
 */
public final class MySql8Servers implements SiteServer.Factory {
    @Override
    public SiteServer start(String site, int id) {
        return MySql8Server.start(site, id);
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            DockerClientFactory.instance().client();
            return Optional.empty();
        } catch (RuntimeException e) {
            // Testcontainers reports a missing engine as IllegalStateException; Ryuk or image failures
            // arrive as other runtime exceptions. Either way, nothing here can start a container.
            return Optional.of("mysql8 profile: no Docker engine reachable (Testcontainers: " + e.getMessage()
                    + "); the integration tests against MySQL 8 are skipped. Run without -Pmysql8 to test"
                    + " against embedded MariaDB.");
        }
    }
}
