package io.shardhome.directory.shard;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.ShardDefinition;
import java.util.Objects;

/**
 * A shard as stored in the directory: its definition plus its state and, during a move, the target
 * site. Immutable.
 *
 * @param definition id, home and critical flag
 * @param state ACTIVE or FENCED
 * @param moveTarget the site a move is taking the shard to, or empty when no move is running
 */
public record ShardEntry(ShardDefinition definition, ShardState state, String moveTarget) {
    public ShardEntry {
        Objects.requireNonNull(definition, "definition");
        state = Objects.requireNonNullElse(state, ShardState.ACTIVE);
        moveTarget = moveTarget == null ? "" : moveTarget;
    }

    public static ShardEntry active(ShardDefinition definition) {
        return new ShardEntry(definition, ShardState.ACTIVE, "");
    }

    public static ShardEntry of(String shardId, String home, boolean critical) {
        return active(ShardDefinition.of(shardId, home, critical));
    }

    public String shardId() {
        return definition.shardId();
    }

    public Home home() {
        return definition.home();
    }

    public boolean isPlain() {
        return state == ShardState.ACTIVE && moveTarget.isEmpty();
    }

    public ShardEntry withDefinition(ShardDefinition newDefinition) {
        return new ShardEntry(newDefinition, state, moveTarget);
    }

    public ShardEntry withState(ShardState newState, String newMoveTarget) {
        return new ShardEntry(definition, newState, newMoveTarget);
    }
}
