package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import java.util.Set;

/**
 * Parses the little the link needs from table-map, row and query events: table ids and names, the row
 * event's end-of-statement flag, a query's default schema, text bytes and session context. The row
 * images themselves are never decoded on the way through: the target replays the events. Pure.
 */
public final class EventBodies {
    /** Row event types a target can replay (MySQL 5.1+/MariaDB v1 and v2 rows events). */
    public static final Set<EventType> ROW_EVENT_TYPES = Set.of(
            EventType.WRITE_ROWS,
            EventType.UPDATE_ROWS,
            EventType.DELETE_ROWS,
            EventType.EXT_WRITE_ROWS,
            EventType.EXT_UPDATE_ROWS,
            EventType.EXT_DELETE_ROWS);

    /** Row event flag: the last event of its statement (its table maps end there). */
    public static final int STMT_END_F = 1;

    private EventBodies() {}

    /** A table map: the table id, its name, and how many columns its row images carry. */
    public record TableMap(long tableId, String schema, String table, long columns) implements EventData {
        public String qualifiedName() {
            return schema + "." + table;
        }
    }

    public record RowsHeader(long tableId, int flags) implements EventData {}

    /**
     * A query event.
     *
     * @param database the session's default schema when it ran (empty for none)
     * @param sql the statement's bytes, in the client character set of {@code context}
     * @param errorCode the error the statement ended with at the source (0: none)
     */
    public record Query(String database, byte[] sql, SessionContext context, int errorCode) implements EventData {}

    static RowsHeader rowsHeader(byte[] head) {
        return new RowsHeader(little(head, 0, 6), (int) little(head, 6, 2));
    }

    /** Table id (6), flags (2), schema length (1), schema, NUL, table length (1), table, NUL, ... */
    static TableMap tableMap(byte[] raw, int from, int to) {
        long id = little(raw, from, 6);
        int at = from + 8;
        int schemaLength = raw[at] & 0xFF;
        String schema = utf8(raw, at + 1, schemaLength, to);
        at += 1 + schemaLength + 1;
        int tableLength = raw[at] & 0xFF;
        String table = utf8(raw, at + 1, tableLength, to);
        at += 1 + tableLength + 1;
        return new TableMap(id, schema, table, packed(raw, at));
    }

    /** Thread id (4), exec time (4), schema length (1), error (2), status length (2), status, schema, NUL, sql. */
    static Query query(byte[] body) {
        int schemaLength = body[8] & 0xFF;
        int error = (int) little(body, 9, 2);
        int statusLength = (int) little(body, 11, 2);
        int status = 13;
        SessionContext context = SessionContext.parse(body, status, status + statusLength);
        int schemaAt = status + statusLength;
        String schema = utf8(body, schemaAt, schemaLength, body.length);
        int sqlAt = schemaAt + schemaLength + 1;
        byte[] sql = java.util.Arrays.copyOfRange(body, Math.min(sqlAt, body.length), body.length);
        return new Query(schema, sql, context, error);
    }

    /** A length-encoded integer. */
    private static long packed(byte[] b, int at) {
        int first = b[at] & 0xFF;
        return switch (first) {
            case 0xFC -> little(b, at + 1, 2);
            case 0xFD -> little(b, at + 1, 3);
            case 0xFE -> little(b, at + 1, 8);
            default -> first;
        };
    }

    static long little(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static String utf8(byte[] bytes, int at, int length, int limit) {
        if (at + length > limit) {
            throw new IllegalArgumentException("a name runs past the end of its event");
        }
        return new String(bytes, at, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
