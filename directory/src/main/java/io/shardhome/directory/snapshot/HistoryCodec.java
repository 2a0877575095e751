package io.shardhome.directory.snapshot;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.Tenure;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The home history of one shard inside a chunk (format 2): byte tenure count (0: never moved, nothing
 * more), then byte flags (bit 0: truncated) and per tenure: UTF site, UTF start, byte ending, UTF end. GTID
 * sets are kept as the servers print them; the chunk's deflate takes out their repetition. Pure.
 */
final class HistoryCodec {
    private static final Tenure.Ending[] ENDINGS = Tenure.Ending.values();

    private HistoryCodec() {}

    static void write(DataOutputStream out, HomeHistory history) throws IOException {
        List<Tenure> tenures = history.tenures();
        out.writeByte(tenures.size());
        if (tenures.isEmpty()) {
            return;
        }
        out.writeByte(history.isTruncated() ? 1 : 0);
        for (Tenure t : tenures) {
            out.writeUTF(t.site());
            out.writeUTF(t.start().toString());
            out.writeByte(t.ending().ordinal());
            out.writeUTF(t.end().toString());
        }
    }

    /** Reads a history; {@code sets} shares equal GTID sets within a chunk (an end and the next fence are often equal). */
    static HomeHistory read(DataInputStream in, Map<String, GtidSet> sets) throws IOException {
        int count = in.readUnsignedByte();
        if (count == 0) {
            return HomeHistory.NONE;
        }
        boolean truncated = (in.readUnsignedByte() & 1) != 0;
        List<Tenure> tenures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String site = in.readUTF();
            GtidSet start = sets.computeIfAbsent(in.readUTF(), GtidSet::parse);
            Tenure.Ending ending = ENDINGS[in.readUnsignedByte()];
            GtidSet end = sets.computeIfAbsent(in.readUTF(), GtidSet::parse);
            tenures.add(new Tenure(site, start, end, ending));
        }
        return HomeHistory.of(tenures, truncated);
    }

    /** Whether any of {@code entries} has a home history (else the chunk is written in format 1). */
    static boolean anyHistory(List<ShardEntry> entries) {
        for (ShardEntry e : entries) {
            if (!e.definition().history().isNone()) {
                return true;
            }
        }
        return false;
    }
}
