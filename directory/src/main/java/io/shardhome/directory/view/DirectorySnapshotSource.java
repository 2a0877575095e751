package io.shardhome.directory.view;

import io.shardhome.directory.snapshot.DirectorySnapshot;

/**
 * Something that holds the current directory snapshot in memory (sites, shards and their states).
 *
 * <p>Thread-safety: {@link #snapshot()} is a volatile read that never blocks; safe on hot paths.
 */
@FunctionalInterface
public interface DirectorySnapshotSource {
    /** The latest snapshot; never null (empty, version 0, before the first read). */
    DirectorySnapshot snapshot();
}
