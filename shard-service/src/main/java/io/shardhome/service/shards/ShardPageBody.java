package io.shardhome.service.shards;

import java.util.List;

/**
 * One page of a shard listing. Immutable.
 *
 * @param items the shards of this page, sorted by id
 * @param page this page's number, from 0
 * @param size the page size asked for
 * @param total how many shards match the filters
 * @param mapVersion the map version the page was read at
 */
public record ShardPageBody(List<ShardBody> items, int page, int size, int total, long mapVersion) {
    public ShardPageBody {
        items = List.copyOf(items);
    }
}
