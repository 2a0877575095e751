package io.shardhome.directory.shard;

/** Whether a shard takes writes right now. */
public enum ShardState {
    /** Normal: writes go to the shard's home master. */
    ACTIVE,
    /** A move is cutting over: clients must not write; retry after the move finishes. */
    FENCED
}
