package io.shardhome.filter.map;

import io.shardhome.filter.gtid.GtidSet;
import java.util.Objects;

/**
 * One shard of the map: its id (a schema name), its home, whether it is critical (applied serially with
 * respect to all other shards) and its home history (the tenures of its homes, set by moves; {@link
 * HomeHistory#NONE} for a shard that never moved). Immutable.
 *
 * <p>The history is not part of the CSV format: definitions read from CSV have none, and the directory
 * keeps a shard's stored history when an import or edit leaves its home as it is ({@link
 * #keepingHistoryOf}). A home set outside a move starts over with none, as no position marks the change.
 *
 * @throws io.shardhome.filter.ShardFilterException {@code INVALID_SHARD_MAP} when the history does not end
 *     at the home (or a {@code #LOCAL} shard has one)
 */
public record ShardDefinition(String shardId, Home home, boolean critical, HomeHistory history) {
    public ShardDefinition {
        Names.requireShardId(shardId);
        Objects.requireNonNull(home, "home");
        history = Objects.requireNonNullElse(history, HomeHistory.NONE);
        history.requireHome(home, shardId);
    }

    /** A definition without a home history (never moved). */
    public ShardDefinition(String shardId, Home home, boolean critical) {
        this(shardId, home, critical, HomeHistory.NONE);
    }

    public static ShardDefinition of(String shardId, String home, boolean critical) {
        return new ShardDefinition(shardId, Home.parse(home), critical);
    }

    /** The same shard homed at {@code newHome} by an edit (not a move): the history starts over unless the home stays. */
    public ShardDefinition withHome(Home newHome) {
        return new ShardDefinition(shardId, newHome, critical, newHome.equals(home) ? history : HomeHistory.NONE);
    }

    public ShardDefinition withCritical(boolean newCritical) {
        return new ShardDefinition(shardId, home, newCritical, history);
    }

    /**
     * The shard after a move's flip to {@code site}: the current home's tenure ends at {@code fenceEnd} (its
     * GTID set after the fence) and {@code site}'s begins after {@code start} (its GTID set at the flip).
     */
    public ShardDefinition movedTo(String site, GtidSet fenceEnd, GtidSet start) {
        return new ShardDefinition(shardId, Home.site(site), critical, history.movedTo(home, site, fenceEnd, start));
    }

    /**
     * The shard after its home {@code home} died and {@code site} took over (failover): the dead home's
     * tenure ends lost at {@code lostEnd} and {@code site}'s begins after {@code start}.
     */
    public ShardDefinition failedOverTo(String site, GtidSet lostEnd, GtidSet start) {
        return new ShardDefinition(
                shardId, Home.site(site), critical, history.failedOverTo(home, site, lostEnd, start));
    }

    /**
     * This definition (from CSV or an edit, without a history) with the stored history of {@code previous}
     * when both have the same home: a shard's history survives imports and edits that leave its home alone.
     */
    public ShardDefinition keepingHistoryOf(ShardDefinition previous) {
        if (previous == null || !history.isNone() || !previous.home().equals(home)) {
            return this;
        }
        return previous.history().isNone() ? this : new ShardDefinition(shardId, home, critical, previous.history());
    }
}
