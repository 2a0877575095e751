package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the rows per table of a transaction by decoding its row events (the link itself never does: it
 * replays them). For a stopped link's pending transaction and an operator's skip, so that they say what is
 * at stake. Pure apart from reading a spilled transaction's file.
 */
public final class RowCounts {
    private RowCounts() {}

    /**
     * Rows per table ({@code schema.table}) of {@code tx}; a table whose rows cannot be decoded counts -1
     * (the count is for information, never for a decision).
     */
    public static Map<String, Long> of(SourceTransaction tx) {
        Map<String, Long> counts = new TreeMap<>();
        EventDeserializer decoder = new EventDeserializer();
        decoder.setCompatibilityMode(
                CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        Map<Long, String> names = new HashMap<>();
        try {
            decoder.nextEvent(new ByteArrayInputStream(tx.format()));
        } catch (IOException | RuntimeException e) {
            tx.rowEvents().keySet().forEach(table -> counts.put(table, -1L));
            return counts;
        }
        for (TxStep step : tx.steps()) {
            if (step instanceof TxStep.Rows rows) {
                rows.events()
                        .forEachBatch(
                                Long.MAX_VALUE, batch -> batch.forEach(raw -> count(decoder, raw, names, counts)));
            }
        }
        return counts;
    }

    private static void count(
            EventDeserializer decoder, byte[] raw, Map<Long, String> names, Map<String, Long> counts) {
        Event event;
        try {
            event = decoder.nextEvent(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            return;
        }
        EventData data = event.getData();
        if (data instanceof TableMapEventData map) {
            names.put(map.getTableId(), map.getDatabase() + "." + map.getTable());
        } else if (data instanceof WriteRowsEventData w) {
            counts.merge(
                    names.getOrDefault(w.getTableId(), "?"), (long) w.getRows().size(), Long::sum);
        } else if (data instanceof UpdateRowsEventData u) {
            counts.merge(
                    names.getOrDefault(u.getTableId(), "?"), (long) u.getRows().size(), Long::sum);
        } else if (data instanceof DeleteRowsEventData d) {
            counts.merge(
                    names.getOrDefault(d.getTableId(), "?"), (long) d.getRows().size(), Long::sum);
        }
    }
}
