package io.shardhome.spring;

import io.shardhome.client.MapSource;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The application's database health as the starter sees it: its copy of the shard map. UP while the map
 * is current, and also while it is stale (the origin is unreachable): the application keeps serving with
 * the map it holds, and a move it missed is still safe because the move revokes writes at the old home.
 * DOWN before the first map and after close.
 */
final class ShardMapHealth implements HealthIndicator {
    private final MapSource source;

    ShardMapHealth(MapSource source) {
        this.source = source;
    }

    @Override
    public Health health() {
        MapSource.State state = source.state();
        DirectorySnapshot snapshot = source.snapshot();
        Health.Builder health =
                state == MapSource.State.CURRENT || state == MapSource.State.STALE ? Health.up() : Health.down();
        return health.withDetail("shardMap", state.name())
                .withDetail("origin", source.origin())
                .withDetail("mapVersion", snapshot.version())
                .withDetail("shards", snapshot.shardMap().size())
                .withDetail("sites", snapshot.sites().keySet())
                .build();
    }
}
