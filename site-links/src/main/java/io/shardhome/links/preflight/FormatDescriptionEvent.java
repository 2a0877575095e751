package io.shardhome.links.preflight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A MariaDB binlog format description event (binlog version 4, CRC32 checksum), the harmless first event
 * of every BINLOG replay: executing it only tells the session how the following events are laid out. The
 * {@link Probe#BINLOG_REPLAY} probe runs it to learn whether the link's account may execute BINLOG. Pure.
 */
final class FormatDescriptionEvent {
    static final int EVENT_TYPE = 15;
    private static final int COMMON_HEADER_LENGTH = 19;
    private static final int BINLOG_VERSION = 4;
    private static final int SERVER_VERSION_LENGTH = 50;
    private static final int EVENT_TYPES = 171;
    private static final int CHECKSUM_CRC32 = 1;
    private static final int CHECKSUM_LENGTH = 4;
    private static final int FLAGS_OFFSET = 17;
    private static final int BINLOG_IN_USE_FLAG = 0x1;
    private static final int POST_HEADER_LENGTH =
            2 + SERVER_VERSION_LENGTH + 4 + 1 + EVENT_TYPES; // version, server version, created, header length

    /**
     * The post-header length of each event type (type: length) that MariaDB 10.5 to 11.4 write; all other
     * types of 1 to {@value #EVENT_TYPES} have none. Read from a MariaDB 11.4.5 binlog.
     */
    private static final int[][] POST_HEADER_LENGTHS = {
        {1, 56},
        {2, 13},
        {4, 8},
        {6, 18},
        {8, 4},
        {9, 4},
        {10, 4},
        {11, 4},
        {12, 18},
        {EVENT_TYPE, POST_HEADER_LENGTH},
        {17, 4},
        {18, 26},
        {19, 8},
        {23, 8},
        {24, 8},
        {25, 8},
        {26, 2},
        {30, 10},
        {31, 10},
        {32, 10},
        {39, 10},
        {40, 10},
        {41, 10},
        {161, 4},
        {162, 19},
        {163, 4},
        {165, 13},
        {166, 8},
        {167, 8},
        {168, 8},
        {169, 10},
        {170, 10},
        {171, 10}
    };

    private FormatDescriptionEvent() {}

    /** The event for a server reporting {@code serverVersion}, base64-encoded as BINLOG takes it. */
    static String mariaDbBase64(String serverVersion) {
        return Base64.getEncoder().encodeToString(mariaDb(serverVersion, 0, 0, 0, 0));
    }

    /**
     * The event's bytes. The header fields are those of the binlog event header; the probe uses zeros, a
     * test reproduces an event a server wrote.
     */
    static byte[] mariaDb(String serverVersion, long timestamp, long serverId, long logPosition, int flags) {
        int length = COMMON_HEADER_LENGTH + POST_HEADER_LENGTH + 1 + CHECKSUM_LENGTH;
        ByteBuffer event = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        event.putInt((int) timestamp)
                .put((byte) EVENT_TYPE)
                .putInt((int) serverId)
                .putInt(length)
                .putInt((int) logPosition)
                .putShort((short) flags);
        event.putShort((short) BINLOG_VERSION).put(serverVersionField(serverVersion));
        event.putInt(0).put((byte) COMMON_HEADER_LENGTH).put(postHeaderLengths());
        event.put((byte) CHECKSUM_CRC32);
        event.putInt(checksum(event.array(), event.position()));
        return event.array();
    }

    /**
     * The CRC32 of the event's first {@code length} bytes as the server computes it: with the "binlog in use"
     * flag clear, since the server clears that flag in the file when it closes the binlog and does not
     * rewrite the checksum.
     */
    private static int checksum(byte[] event, int length) {
        byte[] summed = Arrays.copyOf(event, length);
        summed[FLAGS_OFFSET] &= (byte) ~BINLOG_IN_USE_FLAG;
        CRC32 crc = new CRC32();
        crc.update(summed);
        return (int) crc.getValue();
    }

    private static byte[] serverVersionField(String serverVersion) {
        byte[] field = new byte[SERVER_VERSION_LENGTH];
        byte[] text = serverVersion.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, field, 0, Math.min(text.length, SERVER_VERSION_LENGTH - 1));
        return field;
    }

    private static byte[] postHeaderLengths() {
        byte[] lengths = new byte[EVENT_TYPES];
        for (int[] typeAndLength : POST_HEADER_LENGTHS) {
            lengths[typeAndLength[0] - 1] = (byte) typeAndLength[1];
        }
        return lengths;
    }
}
