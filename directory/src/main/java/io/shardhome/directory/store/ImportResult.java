package io.shardhome.directory.store;

import io.shardhome.filter.map.ShardMapDiff;

/**
 * The outcome (or, for a dry run, the preview) of an import. Immutable.
 *
 * @param diff what changes from the base map to the imported one
 * @param baseVersion the map version the diff was computed against (pass it to apply a previewed import)
 * @param newVersion the version written; equal to {@code baseVersion} when nothing was written
 * @param applied false for a dry run or when the import changes nothing
 */
public record ImportResult(ShardMapDiff diff, long baseVersion, long newVersion, boolean applied) {}
