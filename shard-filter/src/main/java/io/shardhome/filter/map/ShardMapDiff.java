package io.shardhome.filter.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changes from one shard map to another: shards added, removed and changed (old and new
 * definition), each list sorted by shard id. Versions are not compared. Immutable; used for dry runs
 * and previews before a map is stored.
 */
public record ShardMapDiff(List<ShardDefinition> added, List<ShardDefinition> removed, List<Change> changed) {
    private static final Comparator<ShardDefinition> BY_ID = Comparator.comparing(ShardDefinition::shardId);

    public ShardMapDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** One shard whose home or critical flag differs; both definitions have the same shard id. */
    public record Change(ShardDefinition before, ShardDefinition after) {
        public Change {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            if (!before.shardId().equals(after.shardId())) {
                throw new IllegalArgumentException(
                        "a change is of one shard, got " + before.shardId() + " and " + after.shardId());
            }
        }

        public String shardId() {
            return before.shardId();
        }
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static ShardMapDiff between(ShardMap before, ShardMap after) {
        List<ShardDefinition> added = new ArrayList<>();
        List<ShardDefinition> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (ShardDefinition next : after.asMap().values()) {
            ShardDefinition previous = before.lookup(next.shardId());
            if (previous == null) {
                added.add(next);
            } else if (!previous.equals(next)) {
                changed.add(new Change(previous, next));
            }
        }
        for (ShardDefinition previous : before.asMap().values()) {
            if (!after.contains(previous.shardId())) {
                removed.add(previous);
            }
        }
        added.sort(BY_ID);
        removed.sort(BY_ID);
        changed.sort(Comparator.comparing(Change::shardId));
        return new ShardMapDiff(added, removed, changed);
    }

    /**
     * {@code base} with every definition of {@code incoming} added or replacing the one of the same id;
     * nothing is removed. The result has version {@code base.version() + 1}, or is {@code base} itself
     * when nothing changes (callers that own versioning, like the directory, set theirs with {@link
     * ShardMap#withVersion}).
     */
    public static ShardMap merge(ShardMap base, ShardMap incoming) {
        return merge(base, incoming.asMap().values());
    }

    /** {@link #merge(ShardMap, ShardMap)} with loose definitions. */
    public static ShardMap merge(ShardMap base, Collection<ShardDefinition> incoming) {
        Map<String, ShardDefinition> merged = new HashMap<>(base.asMap());
        for (ShardDefinition definition : incoming) {
            merged.put(definition.shardId(), definition);
        }
        return nextVersion(base, merged.values());
    }

    /**
     * The definitions of {@code incoming} as the successor of {@code base}: version {@code
     * base.version() + 1}, or {@code base} itself when the definitions are the same.
     */
    public static ShardMap replace(ShardMap base, ShardMap incoming) {
        return nextVersion(base, incoming.asMap().values());
    }

    private static ShardMap nextVersion(ShardMap base, Collection<ShardDefinition> definitions) {
        ShardMap next = ShardMap.of(base.version() + 1, definitions);
        return next.asMap().equals(base.asMap()) ? base : next;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** A one-line summary, e.g. {@code +3 added, -1 removed, ~2 changed}, or {@code no changes}. */
    public String summary() {
        if (isEmpty()) {
            return "no changes";
        }
        return "+" + added.size() + " added, -" + removed.size() + " removed, ~" + changed.size() + " changed";
    }

    /** One line per change, sorted by shard id within each kind, for previews. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(added.size() + removed.size() + changed.size());
        added.forEach(d -> lines.add("+ " + d.shardId() + " " + d.home() + " " + d.critical()));
        removed.forEach(d -> lines.add("- " + d.shardId() + " " + d.home() + " " + d.critical()));
        changed.forEach(c -> lines.add(
                "~ " + c.shardId() + " " + c.before().home() + " " + c.before().critical() + " -> "
                        + c.after().home() + " " + c.after().critical()));
        return lines;
    }
}
