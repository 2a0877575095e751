package io.shardhome.directory.store;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardPage;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;

/** Paging and filtering of a snapshot's shards. Pure functions. */
final class ShardListing {
    private ShardListing() {}

    static ShardPage page(DirectorySnapshot snapshot, String homeSite, String afterShardId, int limit) {
        boolean filter = homeSite != null && !homeSite.isEmpty();
        String after = afterShardId == null ? "" : afterShardId;
        List<ShardEntry> page = new ArrayList<>(Math.min(limit, 1024));
        boolean more = false;
        for (ShardEntry e : snapshot.sortedEntries()) {
            if (e.shardId().compareTo(after) <= 0
                    || (filter && !e.home().value().equalsIgnoreCase(homeSite))) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(e);
        }
        String next = more ? page.get(page.size() - 1).shardId() : "";
        return new ShardPage(page, next, snapshot.version());
    }
}
