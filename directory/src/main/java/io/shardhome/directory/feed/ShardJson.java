package io.shardhome.directory.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.filter.map.ShardDefinition;

/**
 * One shard on the map feed. Plain ACTIVE shards leave {@code state} and {@code moveTarget} out, and
 * {@code critical} is only written when true, so a full map stays small. Immutable.
 *
 * @param shard the shard id
 * @param home its home site or {@code #LOCAL}
 * @param critical true, or null for false
 * @param state {@code FENCED}, or null for ACTIVE
 * @param moveTarget the site a move is taking it to, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShardJson(String shard, String home, Boolean critical, String state, String moveTarget) {

    static ShardJson of(ShardEntry entry) {
        return new ShardJson(
                entry.shardId(),
                entry.home().value(),
                entry.definition().critical() ? Boolean.TRUE : null,
                entry.state() == ShardState.ACTIVE ? null : entry.state().name(),
                entry.moveTarget().isEmpty() ? null : entry.moveTarget());
    }

    /** @throws MapFeedException {@code INVALID_EVENT} naming the shard when a field is not valid */
    ShardEntry toEntry() {
        try {
            return new ShardEntry(
                    ShardDefinition.of(shard, home, Boolean.TRUE.equals(critical)),
                    state == null ? ShardState.ACTIVE : ShardState.valueOf(state),
                    moveTarget);
        } catch (RuntimeException e) {
            throw new MapFeedException(
                    MapFeedException.Code.INVALID_EVENT,
                    "the map feed sent shard " + this + " which is not valid (" + e.getMessage() + "); the client"
                            + " and the service may be of different versions",
                    e);
        }
    }
}
