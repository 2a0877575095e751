package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.BinlogCheckpointEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializationException;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.EventDataWrapper;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidListEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.PreviousGtidSetDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XAPrepareEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads each event's raw bytes first, then lets the library parse a copy: the link replays row events
 * byte for byte at the target, so it must keep them. Table maps, row events and queries are parsed by
 * {@link EventBodies} (only what the link needs: names, table ids, statement flags, query text and
 * session context); control events by the library. The listener receives the event with a {@link
 * Raw} as its data; the client itself keeps seeing the library's own data for GTID bookkeeping. Used by
 * the reading thread only.
 */
final class RawEventDeserializer extends EventDeserializer {
    private static final int HEADER = 19;
    private static final int LENGTH_OFFSET = 9;

    /** What the listener gets as an event's data. */
    record Raw(byte[] bytes, EventData parsed) implements EventData {}

    private int checksumLength;

    RawEventDeserializer() {
        super(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(), bodies(), new java.util.HashMap<>());
    }

    private static Map<EventType, EventDataDeserializer> bodies() {
        Map<EventType, EventDataDeserializer> byType = new IdentityHashMap<>();
        EventDataDeserializer rows = in -> EventBodies.rowsHeader(in.read(8));
        for (EventType type : EventBodies.ROW_EVENT_TYPES) {
            byType.put(type, rows);
        }
        byType.put(EventType.QUERY, new QueryDeserializer());
        byType.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        byType.put(EventType.ROTATE, new RotateEventDataDeserializer());
        byType.put(EventType.XID, new XidEventDataDeserializer());
        byType.put(EventType.GTID, new GtidEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        byType.put(EventType.PREVIOUS_GTIDS, new PreviousGtidSetDeserializer());
        byType.put(EventType.BINLOG_CHECKPOINT, new BinlogCheckpointEventDataDeserializer());
        byType.put(EventType.XA_PREPARE, new XAPrepareEventDataDeserializer());
        return byType;
    }

    @Override
    public void setChecksumType(com.github.shyiko.mysql.binlog.event.deserialization.ChecksumType checksumType) {
        super.setChecksumType(checksumType);
        checksumLength = checksumType.getLength();
    }

    @Override
    public Event nextEvent(ByteArrayInputStream in) throws IOException {
        if (in.peek() == -1) {
            return null;
        }
        byte[] head = in.read(LENGTH_OFFSET + 4);
        long length = (head[9] & 0xFFL) | (head[10] & 0xFFL) << 8 | (head[11] & 0xFFL) << 16 | (head[12] & 0xFFL) << 24;
        if (length < HEADER || length > Integer.MAX_VALUE - 64) {
            throw new IOException("a binlog event claims a length of " + length + " bytes");
        }
        byte[] raw = new byte[(int) length];
        System.arraycopy(head, 0, raw, 0, head.length);
        in.fill(raw, head.length, raw.length - head.length);
        EventType type = EventType.byEventNumber(raw[4] & 0xFF);
        if (type == EventType.TABLE_MAP) {
            return tableMap(raw);
        }
        Event parsed = super.nextEvent(new ByteArrayInputStream(raw));
        EventData data = parsed.getData();
        EventData mine = data instanceof EventDataWrapper w ? w.getExternal() : data;
        if (mine instanceof com.github.shyiko.mysql.binlog.event.FormatDescriptionEventData format) {
            checksumLength = format.getChecksumType().getLength();
        }
        return new Event(parsed.getHeader(), new EventDataWrapper(EventDataWrapper.internal(data), new Raw(raw, mine)));
    }

    /** Table maps bypass the library (it would parse every column's metadata): only ids and names matter. */
    private Event tableMap(byte[] raw) throws IOException {
        EventHeaderV4 header =
                (EventHeaderV4) new EventHeaderV4Deserializer().deserialize(new ByteArrayInputStream(raw));
        try {
            EventBodies.TableMap map = EventBodies.tableMap(raw, HEADER, raw.length - checksumLength);
            return new Event(header, new Raw(raw, map));
        } catch (RuntimeException e) {
            throw new EventDataDeserializationException(header, e);
        }
    }

    /** The library would decode the statement with the JVM's default charset; ours keeps the bytes. */
    private static final class QueryDeserializer implements EventDataDeserializer<EventBodies.Query> {
        @Override
        public EventBodies.Query deserialize(ByteArrayInputStream in) throws IOException {
            return EventBodies.query(in.read(in.available()));
        }
    }
}
