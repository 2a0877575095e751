package io.shardhome.service.shardmap;

import io.shardhome.directory.store.ImportResult;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMapDiff;
import java.util.List;

/**
 * The outcome or, for a dry run, the preview of a map import. Immutable.
 *
 * @param dryRun whether this was only a preview
 * @param applied whether a new map version was written
 * @param baseVersion the version the diff was computed against
 * @param newVersion the version written (equal to {@code baseVersion} when nothing was written)
 * @param summary e.g. {@code +3 added, -1 removed, ~2 changed}
 * @param changes one line per change: {@code + id home critical}, {@code - ...}, {@code ~ id old -> new}
 * @param added shards that are (or would be) added
 * @param removed shards that are (or would be) removed
 * @param changed shards whose home or critical flag changes
 * @param warnings what could not be done after the import was written (managed grants at a site that
 *     failed; {@code shardhome grants check} shows the drift); empty normally
 */
public record ImportBody(
        boolean dryRun,
        boolean applied,
        long baseVersion,
        long newVersion,
        String summary,
        List<String> changes,
        List<ShardLine> added,
        List<ShardLine> removed,
        List<ChangeLine> changed,
        List<String> warnings) {

    /** One shard definition. */
    public record ShardLine(String shard, String home, boolean critical) {
        static ShardLine of(ShardDefinition d) {
            return new ShardLine(d.shardId(), d.home().value(), d.critical());
        }
    }

    /** One changed shard, before and after. */
    public record ChangeLine(String shard, ShardLine before, ShardLine after) {}

    static ImportBody of(ImportResult result, boolean dryRun, List<String> warnings) {
        ShardMapDiff diff = result.diff();
        return new ImportBody(
                dryRun,
                result.applied(),
                result.baseVersion(),
                result.newVersion(),
                diff.summary(),
                diff.describe(),
                diff.added().stream().map(ShardLine::of).toList(),
                diff.removed().stream().map(ShardLine::of).toList(),
                diff.changed().stream()
                        .map(c -> new ChangeLine(c.shardId(), ShardLine.of(c.before()), ShardLine.of(c.after())))
                        .toList(),
                List.copyOf(warnings));
    }
}
