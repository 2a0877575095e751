package io.shardhome.directory.store;

/** How an imported map combines with the stored one. */
public enum ImportMode {
    /** The imported map becomes the whole map: shards missing from it are removed. */
    REPLACE,
    /** Imported shards are added or replace the stored ones of the same id; nothing is removed. */
    MERGE
}
