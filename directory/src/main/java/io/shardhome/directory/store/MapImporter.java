package io.shardhome.directory.store;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.snapshot.SnapshotReader.Pointer;
import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.map.ShardMapDiff;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Imports whole shard maps atomically (written as a new snapshot, then one pointer flip: readers see
 * the old map or the new one, never a mix, at any size) and exports them as CSV. Shards that stay keep
 * their state (e.g. FENCED) and, while their home stays, their home history (which CSV does not carry).
 * Thread-safe; errors are {@link DirectoryException}s.
 */
public final class MapImporter {
    private final DirectoryStore store;

    public MapImporter(DirectoryStore store) {
        this.store = store;
    }

    /** Parses CSV (all errors at once) or fails with {@code INVALID_INPUT} listing every error. */
    public static ShardMap parseCsv(String source, Reader csv) {
        ShardMapParseResult result;
        try {
            result = ShardMapCsv.parse(source, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        }
        if (!result.isValid()) {
            throw new DirectoryException(
                    Code.INVALID_INPUT,
                    "the shard map " + source + " has " + result.errors().size()
                            + " errors; fix them and import again:\n" + result.errorReport());
        }
        return result.map();
    }

    /** What importing {@code incoming} would change now, without writing anything. */
    public ImportResult preview(ShardMap incoming, ImportMode mode) {
        DirectorySnapshot base = store.read();
        ShardMap next = combine(base.shardMap(), incoming, mode);
        requireKnownSites(next, base.sites().keySet());
        return new ImportResult(ShardMapDiff.between(base.shardMap(), next), base.version(), base.version(), false);
    }

    /**
     * Imports {@code incoming} if the map is still at {@code expectedVersion}.
     *
     * @throws DirectoryException {@code CONFLICT}, {@code UNKNOWN_SITE} (listing every unknown site)
     */
    public ImportResult importMap(ShardMap incoming, ImportMode mode, long expectedVersion) {
        String action = "map.import." + mode.name().toLowerCase(Locale.ROOT);
        Pointer read = store.reader().readPointer(null);
        MapCommitter.requireVersion(action, read, expectedVersion);
        DirectorySnapshot base = store.reader().load(read.manifest());
        ShardMap next = combine(base.shardMap(), incoming, mode);
        requireKnownSites(next, base.sites().keySet());
        ShardMapDiff diff = ShardMapDiff.between(base.shardMap(), next);
        if (diff.isEmpty()) {
            return new ImportResult(diff, base.version(), base.version(), false);
        }
        List<ShardEntry> entries = new ArrayList<>(next.size());
        for (ShardDefinition d : next.asMap().values()) {
            ShardEntry previous = base.entry(d.shardId());
            entries.add(previous == null ? ShardEntry.active(d) : previous.withDefinition(d));
        }
        long version = new ShardEditor(store.reader(), store.committer(), store.writer())
                .rewrite(read, entries, auditOf(action, diff));
        return new ImportResult(diff, base.version(), version, true);
    }

    /** Writes the current map as CSV (sorted, with a {@code # version: N} line); it imports back unchanged. */
    public long exportCsv(Writer out) {
        ShardMap map = store.read().shardMap();
        try {
            ShardMapCsv.write(map, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the shard map export failed", e);
        }
        return map.version();
    }

    /**
     * The map after the import. CSV carries no home histories: a shard whose home stays keeps its stored
     * history; one whose home the import changes starts over without one (see {@link ShardDefinition}).
     */
    private static ShardMap combine(ShardMap base, ShardMap incoming, ImportMode mode) {
        List<ShardDefinition> kept = new ArrayList<>(incoming.size());
        for (ShardDefinition d : incoming.asMap().values()) {
            kept.add(d.keepingHistoryOf(base.lookup(d.shardId())));
        }
        ShardMap withHistories = ShardMap.of(incoming.version(), kept);
        return mode == ImportMode.REPLACE
                ? ShardMapDiff.replace(base, withHistories)
                : ShardMapDiff.merge(base, withHistories);
    }

    private static void requireKnownSites(ShardMap map, Set<String> sites) {
        Set<String> unknown = new TreeSet<>();
        for (ShardDefinition d : map.asMap().values()) {
            if (!d.home().isLocal() && !sites.contains(d.home().value())) {
                unknown.add(d.home().value());
            }
        }
        if (!unknown.isEmpty()) {
            throw new DirectoryException(
                    Code.UNKNOWN_SITE,
                    "the imported map homes shards at unregistered sites " + unknown
                            + "; register them first (registered: " + new TreeSet<>(sites) + ")");
        }
    }

    private static MapCommitter.Change auditOf(String action, ShardMapDiff diff) {
        List<AuditRecord.Change> details = new ArrayList<>();
        diff.added().stream().limit(AuditRecord.MAX_DETAILED_CHANGES).forEach(d -> details.add(change(null, d)));
        diff.removed().stream().limit(AuditRecord.MAX_DETAILED_CHANGES).forEach(d -> details.add(change(d, null)));
        diff.changed().stream()
                .limit(AuditRecord.MAX_DETAILED_CHANGES)
                .forEach(c -> details.add(change(c.before(), c.after())));
        int total = diff.added().size() + diff.removed().size() + diff.changed().size();
        List<AuditRecord.Change> capped =
                details.stream().limit(AuditRecord.MAX_DETAILED_CHANGES).collect(Collectors.toList());
        return new MapCommitter.Change(null, Map.of(), action, diff.summary(), capped, total);
    }

    private static AuditRecord.Change change(ShardDefinition before, ShardDefinition after) {
        String id = (before != null ? before : after).shardId();
        return new AuditRecord.Change("shard:" + id, describe(before), describe(after));
    }

    private static String describe(ShardDefinition d) {
        return d == null ? "" : "home=" + d.home() + " critical=" + d.critical();
    }
}
