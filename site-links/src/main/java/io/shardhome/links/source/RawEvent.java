package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;

/**
 * One binlog event as the source sent it: its raw bytes (header, body and checksum; what a {@code BINLOG}
 * statement replays at the target) and what the link parsed of it. Immutable by convention: the byte
 * array is never changed after it is read.
 *
 * @param typeCode the event type number from the header (also for types the library does not know)
 * @param type the library's type, {@link EventType#UNKNOWN} for an unknown type code
 * @param serverId the server id in the header: the server (or, for a link's writes, the origin) that wrote it
 * @param timestampMillis the header timestamp (second resolution)
 * @param nextPosition the binlog offset after the event
 * @param data what was parsed: the library's data for control events, {@link EventBodies} records for
 *     table maps, row events and queries
 */
public record RawEvent(
        int typeCode,
        EventType type,
        long serverId,
        long timestampMillis,
        long nextPosition,
        byte[] bytes,
        EventData data) {}
