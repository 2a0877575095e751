package io.shardhome.directory.client;

import java.util.Optional;

/**
 * Where read-only work on a shard may go: to a site's copy instead of the home master, when the copy is
 * known to be fresh enough. Implementations decide from what they know about the links that feed the
 * copies; they must be thread-safe and fast (called for every read-only connection).
 */
@FunctionalInterface
public interface ReadRouting {
    /** Read-only work always goes to the shard's home master. */
    ReadRouting HOME = location -> Optional.empty();

    /**
     * The registered site, other than the home, whose copy may serve read-only work on the shard now; empty
     * sends it to the home master.
     */
    Optional<String> copySite(ShardLocation location);
}
