package io.shardhome.service.shards;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shardhome.directory.shard.ShardEntry;
import java.util.List;

/**
 * A shard as the API shows it. Immutable.
 *
 * @param shard the shard id (a schema name)
 * @param home the home site, or {@code #LOCAL}
 * @param critical whether links apply it serially with respect to all other shards
 * @param state ACTIVE, or FENCED while a move cuts over
 * @param moveTarget the site a running move takes it to; empty otherwise
 * @param warnings what could not be done after a write (managed grants at a site that failed); left out
 *     when empty
 */
public record ShardBody(
        String shard,
        String home,
        boolean critical,
        String state,
        String moveTarget,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    public ShardBody {
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    static ShardBody of(ShardEntry entry) {
        return new ShardBody(
                entry.shardId(),
                entry.home().value(),
                entry.definition().critical(),
                entry.state().name(),
                entry.moveTarget(),
                List.of());
    }

    ShardBody withWarnings(List<String> more) {
        return new ShardBody(shard, home, critical, state, moveTarget, more);
    }
}
