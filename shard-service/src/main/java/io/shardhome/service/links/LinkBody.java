package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A link as last published in the directory by the instance running it, with how fresh that is.
 * Immutable.
 *
 * @param id the link id, e.g. {@code nyc->sjc}
 * @param status the link's own status document (state, position, lag, counters, pending error,
 *     {@code publishedAtMillis}), as the link module publishes it
 * @param publication how many times the status was published (the znode version); grows while the link
 *     runs, so a value that stops growing means its host stopped publishing
 * @param publishedAt when the status was published (ISO-8601, UTC; empty when unknown)
 * @param ageMillis how old the status was when this answer was made (by this service's clock)
 * @param stale whether the status may no longer describe the link (see {@link LinkFreshness}); its state
 *     and lag are then the last ones known, not the current ones
 * @param staleReason why it is stale, and what to do (empty when fresh)
 * @param runningIn the instance running the link now (its id, {@code pid@host}), empty when none is
 */
public record LinkBody(
        String id,
        JsonNode status,
        int publication,
        String publishedAt,
        long ageMillis,
        boolean stale,
        String staleReason,
        String runningIn) {}
