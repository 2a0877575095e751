package io.shardhome.service.shards;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code PUT /shards/{shard}}. Immutable.
 *
 * @param home a registered site or {@code #LOCAL}
 * @param critical defaults to false
 */
public record ShardRequest(@NotBlank(message = "give the home site (or #LOCAL)") String home, Boolean critical) {
    boolean criticalOrDefault() {
        return Boolean.TRUE.equals(critical);
    }
}
