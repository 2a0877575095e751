package io.shardhome.spring;

import io.shardhome.client.FreshCopyReads;
import io.shardhome.client.MapSource;
import io.shardhome.directory.client.FenceHistory;
import io.shardhome.directory.client.ReadRouting;
import io.shardhome.directory.client.RoutingOptions;
import io.shardhome.directory.client.ShardRoutingDataSource;

/**
 * The routing DataSource the starter builds over a {@link MapSource}, and its pools; a bean, closed with
 * the application context (the pools close with it). Inject it to reach {@link #routing()} directly.
 */
public final class ShardhomeRouting implements AutoCloseable {
    private final ShardRoutingDataSource routing;

    ShardhomeRouting(MapSource source, ShardhomeClientProperties properties) {
        String local = properties.localSite();
        ReadRouting reads = local != null && properties.reads().fromCopies()
                ? new FreshCopyReads(local, properties.reads().maxLag(), source)
                : ReadRouting.HOME;
        FenceHistory fences = source;
        this.routing = new ShardRoutingDataSource(
                source, new SitePools(properties), new RoutingOptions(local, properties.fenceWait(), fences, reads));
    }

    /** Routes by the thread's shard; {@link ShardRoutingDataSource#readOnly()} for read-only work. */
    public ShardRoutingDataSource routing() {
        return routing;
    }

    @Override
    public void close() throws Exception {
        routing.close();
    }
}
