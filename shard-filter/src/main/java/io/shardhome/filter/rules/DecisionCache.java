package io.shardhome.filter.rules;

import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;

/**
 * Reuses the message-less decisions of the hot path (APPLY {@code HOME_MATCH} and the plain drops),
 * which depend on nothing but the shard id and the reason. A direct-mapped table per reason keeps the
 * memory bounded (a few hundred KiB per filter) however large the map; a slot holding another shard
 * is simply overwritten.
 *
 * <p>Callers pass the shard id instance of the map's definition where they have one, so that the
 * check of a slot is usually an identity comparison that does not touch the string's bytes.
 *
 * <p>Thread-safe without locks: slots are read and written racily, which is safe because a {@link
 * Decision} is immutable (final fields), and a lost or stale slot only costs one allocation.
 */
final class DecisionCache {
    private static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;

    private final Decision[] applies = new Decision[SLOTS];
    private final Decision[][] dropsByReason = new Decision[Reason.values().length][];

    DecisionCache() {
        for (Reason reason : new Reason[] {Reason.CATALOG, Reason.ECHO, Reason.LOCAL_SHARD, Reason.NOT_FROM_HOME}) {
            dropsByReason[reason.ordinal()] = new Decision[SLOTS];
        }
    }

    Decision apply(String shard) {
        return cached(applies, shard, Action.APPLY, Reason.HOME_MATCH);
    }

    /** A plain drop; {@code reason} is one of CATALOG, ECHO, LOCAL_SHARD, NOT_FROM_HOME. */
    Decision drop(String shard, Reason reason) {
        return cached(dropsByReason[reason.ordinal()], shard, Action.DROP, reason);
    }

    private static Decision cached(Decision[] table, String shard, Action action, Reason reason) {
        int hash = shard.hashCode();
        int slot = (hash ^ (hash >>> 16)) & MASK;
        Decision decision = table[slot];
        if (decision != null && (decision.shard() == shard || decision.shard().equals(shard))) {
            return decision;
        }
        decision = new Decision(action, shard, reason, "");
        table[slot] = decision;
        return decision;
    }
}
