package io.shardhome.directory.shard;

import java.util.List;

/**
 * One page of a shard listing, sorted by shard id. Immutable.
 *
 * @param entries the shards of this page
 * @param nextAfter pass as {@code afterShardId} for the next page; empty when this is the last page
 * @param mapVersion the map version the page was read at (pages of one listing may span versions)
 */
public record ShardPage(List<ShardEntry> entries, String nextAfter, long mapVersion) {
    public ShardPage {
        entries = List.copyOf(entries);
        nextAfter = nextAfter == null ? "" : nextAfter;
    }

    public boolean hasMore() {
        return !nextAfter.isEmpty();
    }
}
