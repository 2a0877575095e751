package io.shardhome.client;

import io.shardhome.directory.client.ReadRouting;
import io.shardhome.directory.client.ShardLocation;
import io.shardhome.filter.map.Home;
import java.time.Duration;
import java.util.Optional;

/**
 * Read-only work goes to the local site's copy when the link from the shard's home to the local site is
 * ONLINE and at most {@code maxLag} behind, as the map source last heard; otherwise (link stopped,
 * lagging, unknown, or the source itself not current) to the home. Thread-safe; no I/O.
 */
public final class FreshCopyReads implements ReadRouting {
    private final String localSite;
    private final long maxLagSeconds;
    private final MapSource source;

    public FreshCopyReads(String localSite, Duration maxLag, MapSource source) {
        this.localSite = localSite;
        this.maxLagSeconds = maxLag.toSeconds();
        this.source = source;
    }

    @Override
    public Optional<String> copySite(ShardLocation location) {
        Home home = location.home();
        if (home.isLocal() || home.isSite(localSite) || source.snapshot().site(localSite) == null) {
            return Optional.empty();
        }
        return source.link(home.value(), localSite)
                .filter(health -> health.freshWithin(maxLagSeconds))
                .map(health -> localSite);
    }
}
