package io.shardhome.directory.store;

import io.shardhome.directory.shard.ShardEntry;

/** Computes a shard's new entry from its current one ({@code null} = absent; returning null deletes). */
@FunctionalInterface
interface ShardEdit {
    ShardEntry apply(ShardEntry current);
}
