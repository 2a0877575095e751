package io.shardhome.links.target;

import java.util.Base64;
import java.util.List;

/**
 * The {@code BINLOG} statements that make a target apply source events as a native replica does (this is
 * what {@code mysqlbinlog} output does): a format description first, then table maps and row events,
 * base64 encoded. An event too large for one statement travels in two user-variable fragments ({@code
 * BINLOG @binlog_fragment_0, @binlog_fragment_1}), each below the target's {@code max_allowed_packet}.
 * Pure.
 */
final class BinlogStatements {
    /** SQL around the base64 text of a statement or fragment. */
    private static final int OVERHEAD = 64;

    private BinlogStatements() {}

    /** Base64 characters of {@code bytes} of events. */
    static long encodedLength(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /** Most raw event bytes one statement can carry under {@code maxAllowedPacket}. */
    static long maxBatchBytes(long maxAllowedPacket) {
        return Math.max(1024, (maxAllowedPacket - OVERHEAD) / 4 * 3);
    }

    static String of(List<byte[]> events) {
        return "BINLOG '" + encode(events) + "'";
    }

    /**
     * The statements for one event (or batch) too large for a single statement: two SETs and the BINLOG.
     *
     * @throws IllegalArgumentException when even half of it exceeds {@code maxAllowedPacket}
     */
    static List<String> fragmented(List<byte[]> events, long maxAllowedPacket) {
        String encoded = encode(events);
        int half = encoded.length() / 2;
        if (half + OVERHEAD > maxAllowedPacket) {
            throw new IllegalArgumentException(encoded.length() + " base64 characters do not fit in two fragments of"
                    + " max_allowed_packet=" + maxAllowedPacket);
        }
        return List.of(
                "SET @binlog_fragment_0='" + encoded.substring(0, half) + "'",
                "SET @binlog_fragment_1='" + encoded.substring(half) + "'",
                "BINLOG @binlog_fragment_0, @binlog_fragment_1");
    }

    private static String encode(List<byte[]> events) {
        if (events.size() == 1) {
            return Base64.getEncoder().encodeToString(events.get(0));
        }
        int total = 0;
        for (byte[] event : events) {
            total += event.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] event : events) {
            System.arraycopy(event, 0, all, at, event.length);
            at += event.length;
        }
        return Base64.getEncoder().encodeToString(all);
    }
}
