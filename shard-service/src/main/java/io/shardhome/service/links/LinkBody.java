package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A link as last published in the directory by the instance running it. Immutable.
 *
 * @param id the link id, e.g. {@code nyc->sjc}
 * @param status the link's own status document (state, position, lag, counters, pending error), as
 *     the link module publishes it
 * @param publication how many times the status was published (the znode version); grows while the link
 *     runs, so a value that stops growing means its host stopped publishing
 */
public record LinkBody(String id, JsonNode status, int publication) {}
