package io.shardhome.service.demo;

import io.shardhome.links.embedded.EmbeddedMariaDb.Account;
import java.util.Map;

/**
 * What a running demo prints: where the web page, API, admin token and log are, and how to reach each
 * site's master with the MariaDB client that ships with the servers. Pure.
 */
final class DemoBanner {
    private DemoBanner() {}

    /**
     * @param layout the demo's files
     * @param httpPort the service's actual HTTP port
     * @param sitePorts each site's actual MariaDB port, by site name
     * @param seeded whether this start seeded the map (else it was kept from an earlier run)
     */
    static String render(DemoLayout layout, int httpPort, Map<String, Integer> sitePorts, boolean seeded) {
        String url = "http://127.0.0.1:" + httpPort;
        StringBuilder b = new StringBuilder();
        b.append("\nshardhome demo is running: sites ")
                .append(String.join(", ", sitePorts.keySet()))
                .append(sitePorts.size() > 2 ? ", links between every pair both ways, " : ", links both ways, ")
                .append(seeded ? "seed map acme -> sjc, pinnacle -> nyc" : "shard map kept from the last run")
                .append("\n\n");
        line(b, "web page", url + "/");
        line(b, "REST API", url + "/api/v1   (health " + url + "/actuator/health, OpenAPI /v3/api-docs)");
        line(b, "admin token", layout.tokenFile() + "   (file, owner-only; the CLI reads it)");
        line(b, "log", layout.logFile().toString());
        b.append("\n  MariaDB 11.4 sites on 127.0.0.1; accounts: ")
                .append(account(DemoAccounts.DBA))
                .append(" (administrator), ")
                .append(account(DemoAccounts.APP))
                .append(" (the application)\n");
        sitePorts.forEach((site, port) -> line(
                b,
                site,
                "host 127.0.0.1 port " + port + " user " + DemoAccounts.DBA.user() + " password "
                        + DemoAccounts.DBA.password()));
        line(b, "mysql client", layout.mariaDbClient().toString());
        b.append("\n  Paste into another shell to use the CLI and the sites:\n\n");
        b.append("    export SHARDHOME_URL=")
                .append(url)
                .append(" SHARDHOME_DATA_DIR=")
                .append(layout.dataDir())
                .append('\n');
        sitePorts.forEach((site, port) -> b.append("    ")
                .append(site)
                .append("() { ")
                .append(layout.mariaDbClient())
                .append(" -h127.0.0.1 -P")
                .append(port)
                .append(" -u")
                .append(DemoAccounts.DBA.user())
                .append(" -p")
                .append(DemoAccounts.DBA.password())
                .append(" \"$@\"; }\n"));
        b.append("\n  Then e.g.  ./shardhome shard list ; ./shardhome link status ; sjc -e 'SHOW DATABASES'\n");
        b.append("\nCtrl-C stops everything; the data stays in ")
                .append(layout.dataDir())
                .append(" ('shardhome demo --fresh' starts over).\n");
        return b.toString();
    }

    private static String account(Account account) {
        return account.user() + "/" + account.password();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("  %-13s %s%n", label, value));
    }
}
