package io.shardhome.directory.client;

/** What a unit of work does with its shard; FENCED shards refuse {@link #READ_WRITE}. */
public enum AccessMode {
    READ_WRITE,
    READ_ONLY
}
