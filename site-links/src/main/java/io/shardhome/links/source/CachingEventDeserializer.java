package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeader;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.FormatDescriptionEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializationException;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The library's event deserializer, except that a table-map event byte-equal to the last one of its table
 * id comes back as the same {@link TableMapEventData} instance without being parsed again. Every row
 * transaction maps its tables anew, and parsing the full row metadata (column names above all) was half
 * of the reading thread's time; comparing bytes is cheap. Downstream, the same instance lets the
 * assembler skip rebuilding the table's shape. Used by the reading thread only.
 */
final class CachingEventDeserializer extends EventDeserializer {
    private static final int TABLE_ID_BYTES = 6;
    private static final int MAX_TABLES = 10_000;

    private final Map<Long, TableMapEventData> tablesForRows;
    private final TableMapEventDataDeserializer parser = new TableMapEventDataDeserializer();
    private final Map<Long, Mapped> byTableId = new HashMap<>();
    private int checksumLength;

    private record Mapped(byte[] body, TableMapEventData data) {}

    /** @param tablesForRows the map the row deserializers read table maps from (filled here) */
    CachingEventDeserializer(
            EventHeaderDeserializer headers,
            EventDataDeserializer fallback,
            Map<EventType, EventDataDeserializer> byType,
            Map<Long, TableMapEventData> tablesForRows) {
        super(headers, fallback, byType, tablesForRows);
        this.tablesForRows = tablesForRows;
    }

    @Override
    public Event nextEvent(ByteArrayInputStream in) throws IOException {
        Event event = super.nextEvent(in);
        if (event != null && event.getData() instanceof FormatDescriptionEventData format) {
            checksumLength = format.getChecksumType().getLength();
        }
        return event;
    }

    @Override
    public TableMapEventData deserializeTableMapEventData(ByteArrayInputStream in, EventHeader header)
            throws IOException {
        byte[] body = in.read((int) header.getDataLength() - checksumLength);
        in.skip(checksumLength);
        long tableId = tableId(body);
        Mapped known = byTableId.get(tableId);
        TableMapEventData data;
        if (known != null && Arrays.equals(known.body(), body)) {
            data = known.data();
        } else {
            data = parse(body, header);
            if (byTableId.size() >= MAX_TABLES) {
                byTableId.clear();
            }
            byTableId.put(tableId, new Mapped(body, data));
        }
        tablesForRows.put(data.getTableId(), data);
        return data;
    }

    private TableMapEventData parse(byte[] body, EventHeader header) throws IOException {
        try {
            return parser.deserialize(new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            throw new EventDataDeserializationException(header, e);
        }
    }

    private static long tableId(byte[] body) {
        long id = 0;
        for (int i = Math.min(TABLE_ID_BYTES, body.length) - 1; i >= 0; i--) {
            id = (id << 8) | (body[i] & 0xFF);
        }
        return id;
    }
}
