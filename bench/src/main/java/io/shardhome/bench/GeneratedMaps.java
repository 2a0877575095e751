package io.shardhome.bench;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.util.ArrayList;
import java.util.List;

/** Deterministic shard maps for benchmarks: shards {@code shard0000000..}, homes spread over three sites. */
final class GeneratedMaps {
    static final List<String> SITES = List.of("nyc", "sjc", "lon");

    private GeneratedMaps() {}

    static String shardId(int index) {
        return String.format("shard%07d", index);
    }

    /** The home site of shard {@code index} in {@link #map}: sites in turn, every 50th shard critical. */
    static String homeOf(int index) {
        return SITES.get(index % SITES.size());
    }

    static ShardMap map(int shards) {
        List<ShardDefinition> definitions = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            definitions.add(ShardDefinition.of(shardId(i), homeOf(i), i % 50 == 0));
        }
        return ShardMap.of(1, definitions);
    }
}
