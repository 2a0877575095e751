package io.shardhome.bench.directory;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.util.ArrayList;
import java.util.List;

/** Deterministic maps and sites for the directory benchmarks. */
final class BenchMaps {
    static final List<String> SITES = List.of("nyc", "sjc", "lon");

    private BenchMaps() {}

    /** {@code shards} shards {@code customer0000000..}, homes spread over the sites (shifted by {@code salt}). */
    static ShardMap map(int shards, int salt) {
        List<ShardDefinition> definitions = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            definitions.add(ShardDefinition.of(
                    String.format("customer%07d", i), SITES.get((i + salt) % SITES.size()), i % 50 == 0));
        }
        return ShardMap.of(0, definitions);
    }

    static long registerSites(DirectoryStore store) {
        long v = store.version();
        int port = 3306;
        for (String site : SITES) {
            if (store.site(site).isEmpty()) {
                v = store.registerSite(Site.of(site, "db-" + site, port++), v);
            }
        }
        return v;
    }

    static String millis(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }
}
