package io.shardhome.service.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * How a demo runs. Immutable.
 *
 * @param layout where its files are
 * @param httpPort the service's HTTP port (0: a free one)
 * @param sitePorts each site's MariaDB port in site order nyc, sjc (and lon with three sites; 0: a free
 *     one); their number is the number of sites
 * @param fresh whether to delete the data of an earlier run first
 */
record DemoSettings(DemoLayout layout, int httpPort, List<Integer> sitePorts, boolean fresh) {
    /** The demo's sites, in order; a site's position + 1 is its server id and GTID domain. */
    static final List<String> ALL_SITES = List.of("nyc", "sjc", "lon");

    DemoSettings {
        sitePorts = List.copyOf(sitePorts);
        if (sitePorts.size() < 2 || sitePorts.size() > ALL_SITES.size()) {
            throw new IllegalArgumentException(
                    "give one port per demo site: 2 for " + ALL_SITES.subList(0, 2) + " or 3 for " + ALL_SITES);
        }
    }

    /** The sites this demo runs: nyc and sjc, or nyc, sjc and lon. */
    List<String> sites() {
        return ALL_SITES.subList(0, sitePorts.size());
    }

    /**
     * The Spring Boot arguments of the demo's service: embedded ZooKeeper and token in the data dir, the
     * sites' credentials, links between every pair of sites both ways, logs to a file and only errors on the console (the
     * console is for the instructions; {@code shardhome link status} shows the links).
     */
    List<String> serviceArguments() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + httpPort);
        args.add("--shardhome.data-dir=" + layout.dataDir());
        for (String site : sites()) {
            String prefix = "--shardhome.site-credentials." + site;
            args.add(prefix + ".user=" + DemoAccounts.SERVICE.user());
            args.add(prefix + ".password=" + DemoAccounts.SERVICE.password());
        }
        int link = 0;
        for (String source : sites()) {
            for (String target : sites()) {
                if (!source.equals(target)) {
                    args.add("--shardhome.links.run[" + link + "].source=" + source);
                    args.add("--shardhome.links.run[" + link + "].target=" + target);
                    link++;
                }
            }
        }
        // The tutorial's DBA account has all privileges; a move's fence may leave it (and root) alone.
        args.add("--shardhome.grants.trusted-accounts=root@localhost,mariadb.sys@localhost," + DemoAccounts.DBA.user()
                + "@%");
        args.add("--spring.main.register-shutdown-hook=false");
        args.add("--logging.register-shutdown-hook=false");
        args.add("--logging.file.name=" + layout.logFile());
        args.add("--logging.threshold.console=ERROR");
        args.add("--logging.level.ch.vorburger=WARN");
        return args;
    }
}
