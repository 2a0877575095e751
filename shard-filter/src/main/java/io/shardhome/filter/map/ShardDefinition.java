package io.shardhome.filter.map;

import java.util.Objects;

/**
 * One shard of the map: its id (a schema name), its home and whether it is critical (applied
 * serially with respect to all other shards). Immutable.
 */
public record ShardDefinition(String shardId, Home home, boolean critical) {
    public ShardDefinition {
        Names.requireShardId(shardId);
        Objects.requireNonNull(home, "home");
    }

    public static ShardDefinition of(String shardId, String home, boolean critical) {
        return new ShardDefinition(shardId, Home.parse(home), critical);
    }

    public ShardDefinition withHome(Home newHome) {
        return new ShardDefinition(shardId, newHome, critical);
    }

    public ShardDefinition withCritical(boolean newCritical) {
        return new ShardDefinition(shardId, home, newCritical);
    }
}
