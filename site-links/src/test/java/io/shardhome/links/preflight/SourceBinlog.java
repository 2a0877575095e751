package io.shardhome.links.preflight;

import io.shardhome.links.testing.MariaDbSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Captures the row events of one transaction a test commits at a (local) source, read from the source's
 * binlog file, as BINLOG statements replay them: the file's format description event, then the table map
 * and row events. What a link's BINLOG applier sends, without the link.
 */
final class SourceBinlog {
    private static final int HEADER = 19;
    private static final int FIRST_EVENT = 4;
    private static final Set<Integer> ROW_EVENTS = Set.of(19, 23, 24, 25, 30, 31, 32);

    private SourceBinlog() {}

    /** The two BINLOG statements replaying one transaction. */
    record Replay(String formatDescription, String rows) {
        List<String> statements() {
            return List.of("BINLOG '" + formatDescription + "'", "BINLOG '" + rows + "'");
        }
    }

    /**
     * Runs {@code sessionSettings} then {@code statements} as one transaction on one session at {@code
     * source}, and returns the replay of its row events.
     */
    static Replay capture(MariaDbSite source, List<String> sessionSettings, String... statements) {
        List<String> before = source.rows("SHOW MASTER STATUS").get(0);
        try (Connection c = source.connect();
                Statement s = c.createStatement()) {
            for (String setting : sessionSettings) {
                s.execute(setting);
            }
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("transaction failed at " + source.site() + ": " + e.getMessage(), e);
        }
        List<String> after = source.rows("SHOW MASTER STATUS").get(0);
        if (!before.get(0).equals(after.get(0))) {
            throw new IllegalStateException("the binlog of " + source.site() + " rotated during the capture");
        }
        Path file = Path.of(source.value("SELECT @@log_bin_basename")).resolveSibling(after.get(0));
        return read(file, Long.parseLong(before.get(1)), Long.parseLong(after.get(1)));
    }

    private static Replay read(Path file, long from, long to) {
        ByteBuffer binlog;
        try {
            binlog = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source's binlog " + file, e);
        }
        byte[] formatDescription = event(binlog, FIRST_EVENT);
        ByteBuffer rows = ByteBuffer.allocate((int) (to - from));
        for (int at = (int) from; at < to; at += binlog.getInt(at + 9)) {
            if (ROW_EVENTS.contains(binlog.get(at + 4) & 0xff)) {
                rows.put(event(binlog, at));
            }
        }
        byte[] rowEvents = new byte[rows.position()];
        rows.flip().get(rowEvents);
        if (rowEvents.length < HEADER) {
            throw new IllegalStateException("the captured transaction logged no row events in " + file);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return new Replay(base64.encodeToString(formatDescription), base64.encodeToString(rowEvents));
    }

    private static byte[] event(ByteBuffer binlog, int at) {
        byte[] event = new byte[binlog.getInt(at + 9)];
        binlog.get(at, event);
        return event;
    }
}
