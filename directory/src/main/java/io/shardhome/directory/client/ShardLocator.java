package io.shardhome.directory.client;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.DirectorySnapshotSource;
import io.shardhome.filter.map.ShardDefinition;

/**
 * Finds a shard's home master from the in-memory snapshot: no network call per lookup.
 *
 * <p>Thread-safe. Answers are as fresh as the source (see {@code ShardMapView#staleness()}).
 */
public final class ShardLocator {
    private final DirectorySnapshotSource source;

    public ShardLocator(DirectorySnapshotSource source) {
        this.source = source;
    }

    /** Where the answers come from. */
    DirectorySnapshotSource source() {
        return source;
    }

    /**
     * @throws DirectoryException {@code UNKNOWN_SHARD} when the shard is not in the map; {@code
     *     UNKNOWN_SITE} when its home site is not registered
     */
    public ShardLocation locate(String shardId) {
        DirectorySnapshot snapshot = source.snapshot();
        ShardDefinition definition = snapshot.shardMap().lookup(shardId);
        if (definition == null) {
            throw new DirectoryException(
                    Code.UNKNOWN_SHARD,
                    "shard '" + shardId + "' is not in shard map version " + snapshot.version()
                            + "; check the customer's shard id or register the shard");
        }
        ShardEntry unusual = snapshot.unusualEntries().get(shardId);
        ShardState state = unusual == null ? ShardState.ACTIVE : unusual.state();
        Site master = null;
        if (!definition.home().isLocal()) {
            master = snapshot.site(definition.home().value());
            if (master == null) {
                throw new DirectoryException(
                        Code.UNKNOWN_SITE,
                        "shard '" + shardId + "' is homed at site '"
                                + definition.home() + "' which is not registered in map version " + snapshot.version()
                                + "; register the site");
            }
        }
        return new ShardLocation(shardId, definition.home(), master, state, definition.critical(), snapshot.version());
    }

    /** The registered site of that name. @throws DirectoryException {@code UNKNOWN_SITE} */
    public Site siteNamed(String name) {
        Site site = source.snapshot().site(name);
        if (site == null) {
            throw new DirectoryException(
                    Code.UNKNOWN_SITE,
                    "site '" + name + "' is not registered in map version "
                            + source.snapshot().version() + "; register it or fix the configured name");
        }
        return site;
    }
}
