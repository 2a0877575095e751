package io.shardhome.service.moves.api;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /moves}.
 *
 * @param shard the shard to move
 * @param to the site that becomes its home
 */
public record MoveRequest(
        @NotBlank(message = "name the shard to move") String shard,
        @NotBlank(message = "name the target site") String to) {}
