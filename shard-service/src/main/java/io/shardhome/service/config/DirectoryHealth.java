package io.shardhome.service.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.ZkShardMapView;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health and metrics of the directory view: DOWN while the ZooKeeper session is lost (lookups are then
 * served from the last map, see {@code staleness}); gauges for the map version, shard count and staleness.
 */
@Component("directory")
class DirectoryHealth implements HealthIndicator, MeterBinder {
    private final DirectoryAccess directory;

    DirectoryHealth(DirectoryAccess directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        ZkShardMapView view = directory.view();
        DirectorySnapshot snapshot = view.snapshot();
        Health.Builder health = view.isConnected() ? Health.up() : Health.down();
        return health.withDetail("mapVersion", snapshot.version())
                .withDetail("shards", snapshot.shardMap().size())
                .withDetail("sites", snapshot.sites().size())
                .withDetail("staleness", view.staleness().toString())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shardhome.map.version", directory, d -> d.snapshot().version())
                .description("version of the shard map this instance serves")
                .register(registry);
        Gauge.builder("shardhome.map.shards", directory, d -> d.snapshot()
                        .shardMap()
                        .size())
                .description("shards in the map this instance serves")
                .register(registry);
        Gauge.builder(
                        "shardhome.map.staleness.seconds",
                        directory,
                        d -> d.view().staleness().toMillis() / 1000.0)
                .description("seconds since the served map was last confirmed current")
                .register(registry);
    }
}
