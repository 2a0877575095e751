package io.shardhome.directory.feed;

import java.util.List;
import java.util.Objects;

/**
 * The map feed's server-sent events ({@code GET /api/v1/shard-map/changes?after=VERSION}, {@code
 * text/event-stream}), in the order a stream sends them: {@value #HELLO} once, then {@value #MAP} unless
 * the client is current, {@value #LINKS}, and afterwards {@value #MAP} on every new map version, {@value
 * #LINKS} when a link's state or lag changes, and {@value #HEARTBEAT} every {@code heartbeatMillis}. Each
 * event's data is one line of JSON.
 */
public final class MapFeedEvents {
    /** Data {@link Hello}. */
    public static final String HELLO = "hello";
    /** Data {@link MapChange}; the event id is its version. */
    public static final String MAP = "map";
    /** Data {@link Links}. */
    public static final String LINKS = "links";
    /** Data {@code {}}: the stream and the link information are current. */
    public static final String HEARTBEAT = "heartbeat";

    private MapFeedEvents() {}

    /**
     * The first event of a stream.
     *
     * @param version the service's map version now
     * @param heartbeatMillis the longest the stream stays silent; a client that hears nothing for a few of
     *     these reconnects
     */
    public record Hello(long version, long heartbeatMillis) {}

    /** Every link's health (all links, each time). */
    public record Links(List<LinkHealth> links) {
        public Links {
            links = List.copyOf(Objects.requireNonNullElse(links, List.of()));
        }
    }
}
