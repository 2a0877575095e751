package io.shardhome.service.demo;

import java.nio.file.Path;

/**
 * Where the demo keeps its files, all under one data directory (default {@code ./.shardhome/demo}): the
 * service's data (embedded ZooKeeper, admin token), the MariaDB binaries shared by both sites, and one
 * data directory per site. Immutable; pure.
 *
 * @param dataDir the demo's data directory, absolute
 */
public record DemoLayout(Path dataDir) {
    public DemoLayout {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The service's generated admin token (the CLI reads it through {@code SHARDHOME_DATA_DIR}). */
    public Path tokenFile() {
        return dataDir.resolve("admin.token");
    }

    /** Held by the running demo (see {@link DemoLock}). */
    public Path lockFile() {
        return dataDir.resolve("demo.lock");
    }

    public Path logFile() {
        return dataDir.resolve("shardhome.log");
    }

    /** The unpacked MariaDB distribution, shared by every site (binaries only). */
    public Path mariaDbBase() {
        return dataDir.resolve("mariadb").resolve("base");
    }

    /** The MariaDB client shipped with the server binaries. */
    public Path mariaDbClient() {
        return mariaDbBase().resolve("bin").resolve("mariadb");
    }

    /** One site's own directory: data, tmp and socket. */
    public Path siteDir(String site) {
        return dataDir.resolve("mariadb").resolve(site);
    }
}
