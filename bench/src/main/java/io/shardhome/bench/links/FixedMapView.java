package io.shardhome.bench.links;

import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.map.ShardMap;
import java.time.Duration;

/** A map view that never changes: the benchmark measures replication, not the directory. Thread-safe. */
final class FixedMapView implements ShardMapView {
    private final ShardMap map;

    FixedMapView(ShardMap map) {
        this.map = map;
    }

    @Override
    public ShardMap current() {
        return map;
    }

    @Override
    public void addListener(Listener listener) {
        // The map never changes, so there is nothing to tell listeners.
    }

    @Override
    public void removeListener(Listener listener) {
        // Nothing was registered.
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public Duration staleness() {
        return Duration.ZERO;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
