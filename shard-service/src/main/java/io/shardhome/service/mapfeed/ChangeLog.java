package io.shardhome.service.mapfeed;

import io.shardhome.directory.feed.MapChange;
import io.shardhome.directory.feed.ShardJson;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recent steps of the shard map, so that a client that held version {@code v} gets only what changed
 * since {@code v}, however many versions ago (within bounds), and a client further behind gets the whole
 * map. Holds at most {@code maxSteps} steps and {@code maxShards} shard entries in them; a step larger than
 * that is not kept (clients behind it get the whole map). Pure; not thread-safe (the feed's thread owns it).
 */
final class ChangeLog {
    private final int maxSteps;
    private final int maxShards;
    private final Deque<MapChange> steps = new ArrayDeque<>();
    private int shardsHeld;

    ChangeLog(int maxSteps, int maxShards) {
        this.maxSteps = maxSteps;
        this.maxShards = maxShards;
    }

    /** Records the step to a new version; a step that does not follow the last one starts a new chain. */
    void append(MapChange step) {
        if (step.full() || (!steps.isEmpty() && steps.peekLast().version() != step.baseVersion())) {
            clear();
        }
        if (step.full() || step.shards().size() + step.removed().size() > maxShards) {
            return;
        }
        steps.addLast(step);
        shardsHeld += step.shards().size() + step.removed().size();
        while (steps.size() > maxSteps || shardsHeld > maxShards) {
            MapChange oldest = steps.removeFirst();
            shardsHeld -= oldest.shards().size() + oldest.removed().size();
        }
    }

    /**
     * What a client holding {@code after} needs to reach {@code current}: one change merging the steps
     * since {@code after}, or the whole map when they are not all here (or {@code after} is not a version
     * this service went through, or is 0: the client holds nothing). Null when the client is current.
     */
    MapChange since(long after, DirectorySnapshot current) {
        if (after == current.version()) {
            return null;
        }
        if (after == 0
                || steps.isEmpty()
                || steps.peekLast().version() != current.version()
                || after < steps.peekFirst().baseVersion()
                || after > current.version()) {
            return MapChange.full(current);
        }
        Iterator<MapChange> it = steps.iterator();
        MapChange step = it.next();
        while (step.baseVersion() != after) {
            if (step.version() > after || !it.hasNext()) {
                return MapChange.full(current); // not a version this chain went through
            }
            step = it.next();
        }
        return merge(after, step, it);
    }

    /** Later steps override earlier ones; a shard removed and added again is an upsert, and vice versa. */
    private static MapChange merge(long after, MapChange first, Iterator<MapChange> rest) {
        Map<String, ShardJson> shards = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        MapChange step = first;
        while (true) {
            for (ShardJson shard : step.shards()) {
                shards.put(shard.shard(), shard);
                removed.remove(shard.shard());
            }
            for (String id : step.removed()) {
                shards.remove(id);
                removed.add(id);
            }
            if (!rest.hasNext()) {
                break;
            }
            step = rest.next();
        }
        return new MapChange(
                step.version(), after, false, step.sites(), List.copyOf(shards.values()), List.copyOf(removed));
    }

    private void clear() {
        steps.clear();
        shardsHeld = 0;
    }
}
