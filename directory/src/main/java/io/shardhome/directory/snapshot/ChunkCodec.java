package io.shardhome.directory.snapshot;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.ShardDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Encodes a bucket of shard entries as one compact, deflate-compressed chunk (the content of one chunk
 * znode) and back. Pure functions, thread-safe.
 *
 * <p>Format (inside deflate): int magic, int count, then per entry: UTF shard id, UTF home, byte flags
 * (bit 0 critical, bits 1..3 state ordinal), UTF move target; format 2 ({@code SHC2}) adds the entry's
 * home history ({@link HistoryCodec}). A chunk whose shards never moved is written in format 1, as before
 * home histories existed, so such maps stay byte-for-byte the same; both formats are read.
 */
public final class ChunkCodec {
    private static final int MAGIC = 0x53484331; // "SHC1"
    private static final int MAGIC_WITH_HISTORY = 0x53484332; // "SHC2"

    private ChunkCodec() {}

    public static byte[] encode(List<ShardEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, entries.size() * 12));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 64 * 1024))) {
            boolean histories = HistoryCodec.anyHistory(entries);
            out.writeInt(histories ? MAGIC_WITH_HISTORY : MAGIC);
            out.writeInt(entries.size());
            for (ShardEntry e : entries) {
                out.writeUTF(e.shardId());
                out.writeUTF(e.home().value());
                out.writeByte((e.definition().critical() ? 1 : 0) | (e.state().ordinal() << 1));
                out.writeUTF(e.moveTarget());
                if (histories) {
                    HistoryCodec.write(out, e.definition().history());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * @throws DirectoryException {@code CORRUPT_DATA} when the bytes are not a chunk
     */
    public static List<ShardEntry> decode(byte[] chunk) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(chunk)))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_WITH_HISTORY) {
                throw corrupt(null);
            }
            int count = in.readInt();
            List<ShardEntry> entries = new ArrayList<>(count);
            Map<String, Home> homes = new HashMap<>();
            Map<String, GtidSet> sets = new HashMap<>();
            ShardState[] states = ShardState.values();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                Home home = homes.computeIfAbsent(in.readUTF(), Home::parse);
                int flags = in.readUnsignedByte();
                String moveTarget = in.readUTF();
                HomeHistory history = magic == MAGIC ? HomeHistory.NONE : HistoryCodec.read(in, sets);
                entries.add(new ShardEntry(
                        new ShardDefinition(id, home, (flags & 1) != 0, history), states[flags >>> 1], moveTarget));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DirectoryException de) {
                throw de;
            }
            throw corrupt(e);
        }
    }

    private static DirectoryException corrupt(Exception cause) {
        return new DirectoryException(
                Code.CORRUPT_DATA,
                "a shard map chunk in ZooKeeper cannot be decoded; it was not written by this shardhome version or "
                        + "was changed by hand: re-import the map from a CSV export",
                cause);
    }
}
