package io.shardhome.service.demo;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.config.DirectoryAccess;
import java.util.List;
import java.util.Map;

/**
 * Puts the seed article's setup into a demo's directory and sites: both sites registered at their
 * current ports, and, in an empty map only, the seed shards with the application's grants at each
 * shard's home (write) and copy (read). A map that already has shards is the user's (it may have moved
 * acme), so a restart keeps it.
 */
final class DemoSeed {
    /** The seed article's map: shard to home. */
    static final Map<String, String> SHARDS = Map.of("acme", "sjc", "pinnacle", "nyc");

    static final String ACTOR = "demo";

    private DemoSeed() {}

    /** Registers the sites and seeds an empty map. @return whether the map was seeded now */
    static boolean apply(DirectoryAccess directory, List<DemoSite> sites) {
        DirectoryStore store = directory.storeFor(ACTOR);
        for (DemoSite site : sites) {
            register(directory, store, Site.of(site.name(), "127.0.0.1", site.port()));
        }
        if (!directory.snapshot().shardMap().isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> shard : SHARDS.entrySet()) {
            directory.awaitVersion(
                    store.createShard(ShardDefinition.of(shard.getKey(), shard.getValue(), false), store.version()));
            grantApplication(sites, shard.getKey(), shard.getValue());
        }
        return true;
    }

    private static void register(DirectoryAccess directory, DirectoryStore store, Site site) {
        Site registered = directory.snapshot().sites().get(site.name());
        if (registered == null) {
            directory.awaitVersion(store.registerSite(site, store.version()));
        } else if (!registered.host().equals(site.host()) || registered.port() != site.port()) {
            // A new port keeps the site's state: a failed-over (DOWN) site must not come back ACTIVE unfenced.
            Site moved = new Site(
                    site.name(),
                    site.host(),
                    site.port(),
                    registered.jdbcParams(),
                    registered.label(),
                    registered.state());
            directory.awaitVersion(store.updateSite(moved, store.version()));
        }
    }

    /** Grants are site-local (kept out of the binlog), like the grants a move hands over. */
    private static void grantApplication(List<DemoSite> sites, String shard, String home) {
        String app = DemoAccounts.APP.sql();
        for (DemoSite site : sites) {
            String privileges = site.name().equals(home) ? DemoAccounts.HOME_PRIVILEGES : "SELECT";
            site.execute("SET sql_log_bin=0", "GRANT " + privileges + " ON `" + shard + "`.* TO " + app);
        }
    }
}
