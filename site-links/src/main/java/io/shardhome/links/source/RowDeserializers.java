package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AnnotateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.BinlogCheckpointEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.IntVarEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidListEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.PreviousGtidSetDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RowsQueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TransactionPayloadEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XAPrepareEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The binlog library's event deserializer, set up for faithful replication: microsecond temporal values,
 * CHAR/BINARY as bytes, invalid dates as {@link Long#MIN_VALUE}, and TIME(fsp) read as exact text,
 * negative values included (the library's own TIME reading drops the sign). Factory; pure.
 */
public final class RowDeserializers {
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long TIMEF_INT_OFS = 0x800000L;

    private RowDeserializers() {}

    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tables = new HashMap<>();
        Map<EventType, EventDataDeserializer> byType = new IdentityHashMap<>();
        byType.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        byType.put(EventType.ROTATE, new RotateEventDataDeserializer());
        byType.put(EventType.INTVAR, new IntVarEventDataDeserializer());
        byType.put(EventType.QUERY, new QueryEventDataDeserializer());
        byType.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        byType.put(EventType.XID, new XidEventDataDeserializer());
        byType.put(EventType.WRITE_ROWS, new Write(tables));
        byType.put(EventType.UPDATE_ROWS, new Update(tables));
        byType.put(EventType.DELETE_ROWS, new Delete(tables));
        byType.put(EventType.EXT_WRITE_ROWS, new Write(tables).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_UPDATE_ROWS, new Update(tables).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_DELETE_ROWS, new Delete(tables).setMayContainExtraInformation(true));
        byType.put(EventType.ROWS_QUERY, new RowsQueryEventDataDeserializer());
        byType.put(EventType.GTID, new GtidEventDataDeserializer());
        byType.put(EventType.PREVIOUS_GTIDS, new PreviousGtidSetDeserializer());
        byType.put(EventType.XA_PREPARE, new XAPrepareEventDataDeserializer());
        byType.put(EventType.ANNOTATE_ROWS, new AnnotateRowsEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        byType.put(EventType.BINLOG_CHECKPOINT, new BinlogCheckpointEventDataDeserializer());
        byType.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        byType.put(EventType.TRANSACTION_PAYLOAD, new TransactionPayloadEventDataDeserializer());
        EventDeserializer deserializer = new CachingEventDeserializer(
                new EventHeaderV4Deserializer(), new NullEventDataDeserializer(), byType, tables);
        deserializer.setCompatibilityMode(
                CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        return deserializer;
    }

    /** Reads a TIME2 value (MySQL 5.6+/MariaDB format) as text {@code [-]H:MM:SS.ffffff}. */
    static String time2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed =
                switch (fsp) {
                    case 1, 2 -> withFraction(bigEndian(in.read(3)) - TIMEF_INT_OFS, in.read(1), 0x100, 10_000);
                    case 3, 4 -> withFraction(bigEndian(in.read(3)) - TIMEF_INT_OFS, in.read(2), 0x10000, 100);
                    case 5, 6 -> bigEndian(in.read(6)) - TIMEF_OFS;
                    default -> (bigEndian(in.read(3)) - TIMEF_INT_OFS) << 24;
                };
        return timeText(packed);
    }

    static String timeText(long packed) {
        boolean negative = packed < 0;
        long abs = Math.abs(packed);
        long intPart = abs >> 24;
        long micros = abs & 0xFFFFFF;
        return String.format(
                "%s%02d:%02d:%02d.%06d",
                negative ? "-" : "", (intPart >> 12) & 0x3FF, (intPart >> 6) & 0x3F, intPart & 0x3F, micros);
    }

    private static long withFraction(long intPart, byte[] fractionBytes, long range, long scale) {
        long fraction = bigEndian(fractionBytes);
        if (intPart < 0 && fraction != 0) {
            intPart++;
            fraction -= range;
        }
        return (intPart << 24) + fraction * scale;
    }

    private static long bigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> tables) {
            super(tables);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }

    private static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> tables) {
            super(tables);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }

    private static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> tables) {
            super(tables);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }
}
