package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a stream of table-map and row events into {@code BINLOG} statements of at most {@code maxBytes},
 * so that each statement can be applied on its own: a server forgets its table maps at the end of every
 * {@code BINLOG} statement and silently ignores row events whose table is not mapped in it (seen on
 * MariaDB 11.4). So a statement cut in the middle has its table maps sent again at the start of the next
 * batch, and every batch is checked to map every table its row events use. Not thread-safe.
 */
final class BinlogBatcher {
    private static final int HEADER = 19;
    private static final int TABLE_MAP = 19;
    private static final int STMT_END_F = 1;

    /** Sends one batch. */
    interface Sink {
        void send(List<byte[]> events) throws SQLException;
    }

    private final long maxBytes;
    private final Sink sink;
    private final List<byte[]> batch = new ArrayList<>();
    private final Set<Long> mapped = new HashSet<>();
    private final List<byte[]> statementMaps = new ArrayList<>();
    private boolean statementEnded;
    private long bytes;

    BinlogBatcher(long maxBytes, Sink sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    void add(byte[] event) throws SQLException {
        boolean map = type(event) == TABLE_MAP;
        if (map && statementEnded) {
            statementMaps.clear();
            statementEnded = false;
        }
        if (!batch.isEmpty() && bytes + event.length > maxBytes) {
            flush();
            for (byte[] earlier : statementMaps) {
                append(earlier);
            }
        }
        if (map) {
            statementMaps.add(event);
        } else if (isRows(type(event))) {
            if (!mapped.contains(tableId(event))) {
                throw new LinkException(
                        Code.UNSUPPORTED_EVENT,
                        "a row event for table id " + tableId(event) + " has no table map before it in its"
                                + " statement; the link does not replay it (a server would ignore it silently)");
            }
            statementEnded = (flags(event) & STMT_END_F) != 0;
        }
        append(event);
    }

    /** Sends what is left. */
    void finish() throws SQLException {
        if (!batch.isEmpty()) {
            flush();
        }
        statementMaps.clear();
        statementEnded = false;
    }

    private void append(byte[] event) {
        if (type(event) == TABLE_MAP) {
            mapped.add(tableId(event));
        }
        batch.add(event);
        bytes += event.length;
    }

    private void flush() throws SQLException {
        sink.send(List.copyOf(batch));
        batch.clear();
        mapped.clear();
        bytes = 0;
    }

    private static int type(byte[] event) {
        return event[4] & 0xFF;
    }

    private static boolean isRows(int type) {
        return (type >= 23 && type <= 25) || (type >= 30 && type <= 32);
    }

    private static long tableId(byte[] event) {
        long id = 0;
        for (int i = 5; i >= 0; i--) {
            id = (id << 8) | (event[HEADER + i] & 0xFF);
        }
        return id;
    }

    private static int flags(byte[] event) {
        return (event[HEADER + 6] & 0xFF) | (event[HEADER + 7] & 0xFF) << 8;
    }
}
