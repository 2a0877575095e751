package io.shardhome.filter.rules;

import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;

/**
 * Reuses the message-less decisions of the hot path, so that APPLY {@code HOME_MATCH} and the plain
 * drops allocate nothing once a shard has been seen.
 *
 * <p>Decisions on shards of the map ({@link #decisionsOn}) live in an array indexed by the shard's {@link
 * ShardMap#slotOf slot}: one reference per slot (about 1 MiB for a 100,000-shard map), collision-free
 * however the transactions spread over the map. A filter serves at most two map instances at once
 * (its extractor's and its applier's view); a third replaces the older table, so a new map version
 * costs one table and re-creates its decisions as its shards are seen.
 *
 * <p>Decisions that need no map (CATALOG and ECHO drops, {@link #drop}) come from a direct-mapped
 * table per reason that keeps the memory bounded; a slot holding another shard is overwritten.
 *
 * <p>Thread-safe without locks: tables and slots are read and written racily, which is safe because
 * a {@link Decision} and a {@link MapDecisions} are immutable (final fields), and a lost or stale
 * entry only costs one allocation.
 */
final class DecisionCache {
    private static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;

    private final Decision[][] dropsByReason = new Decision[Reason.values().length][];
    private final MapDecisions[] recentMaps = new MapDecisions[2];

    DecisionCache() {
        for (Reason reason : new Reason[] {Reason.CATALOG, Reason.ECHO}) {
            dropsByReason[reason.ordinal()] = new Decision[SLOTS];
        }
    }

    /** A plain drop that needs no map; {@code reason} is CATALOG or ECHO. */
    Decision drop(String shard, Reason reason) {
        Decision[] table = dropsByReason[reason.ordinal()];
        int hash = shard.hashCode();
        int slot = (hash ^ (hash >>> 16)) & MASK;
        Decision decision = table[slot];
        if (decision != null && (decision.shard() == shard || decision.shard().equals(shard))) {
            return decision;
        }
        decision = new Decision(Action.DROP, shard, reason, "");
        table[slot] = decision;
        return decision;
    }

    /**
     * The decisions on {@code map}'s shards, indexed by {@link ShardMap#slotOf slot}: read a slot, and
     * fill an empty one with a decision that depends on nothing but the slot's definition.
     */
    Decision[] decisionsOn(ShardMap map) {
        MapDecisions latest = recentMaps[0];
        if (latest != null && latest.map() == map) {
            return latest.decisions();
        }
        MapDecisions previous = recentMaps[1];
        if (previous != null && previous.map() == map) {
            return previous.decisions();
        }
        MapDecisions fresh = new MapDecisions(map, new Decision[map.slotCount()]);
        recentMaps[1] = latest;
        recentMaps[0] = fresh;
        return fresh.decisions();
    }

    /** The decisions on one map instance, by slot. */
    private record MapDecisions(ShardMap map, Decision[] decisions) {}
}
