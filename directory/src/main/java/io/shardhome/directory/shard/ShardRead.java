package io.shardhome.directory.shard;

/**
 * A shard as read, with the map version to pass to the next compare-and-set write. Immutable.
 *
 * @param entry the shard
 * @param mapVersion the map version it was read at
 */
public record ShardRead(ShardEntry entry, long mapVersion) {}
