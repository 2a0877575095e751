package io.shardhome.directory.client;

import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.filter.map.Home;

/**
 * Where a shard takes its writes, as of one map version. Immutable.
 *
 * @param shardId the shard
 * @param home its home: a site or {@code #LOCAL}
 * @param master the home site with its master endpoint; {@code null} for a {@code #LOCAL} shard
 * @param state ACTIVE, or FENCED while a move cuts over (do not write; retry shortly)
 * @param critical whether the shard is applied serially by links
 * @param mapVersion the map version this answer comes from
 */
public record ShardLocation(
        String shardId, Home home, Site master, ShardState state, boolean critical, long mapVersion) {
    public boolean isFenced() {
        return state == ShardState.FENCED;
    }
}
