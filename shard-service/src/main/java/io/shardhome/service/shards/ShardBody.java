package io.shardhome.service.shards;

import io.shardhome.directory.shard.ShardEntry;

/**
 * A shard as the API shows it. Immutable.
 *
 * @param shard the shard id (a schema name)
 * @param home the home site, or {@code #LOCAL}
 * @param critical whether links apply it serially with respect to all other shards
 * @param state ACTIVE, or FENCED while a move cuts over
 * @param moveTarget the site a running move takes it to; empty otherwise
 */
public record ShardBody(String shard, String home, boolean critical, String state, String moveTarget) {
    static ShardBody of(ShardEntry entry) {
        return new ShardBody(
                entry.shardId(),
                entry.home().value(),
                entry.definition().critical(),
                entry.state().name(),
                entry.moveTarget());
    }
}
