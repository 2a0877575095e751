package io.shardhome.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.Tenure;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkCodecTest {
    @Test
    void entriesRoundTripWithStatesMoveTargetsAndLocalHomes() {
        List<ShardEntry> entries = List.of(
                ShardEntry.of("acme", "nyc", true),
                ShardEntry.of("beta", "sjc", false).withState(ShardState.FENCED, "nyc"),
                ShardEntry.of("scratch", "#LOCAL", false),
                ShardEntry.of("ünïcødé_$", "lon-1", false));

        assertThat(ChunkCodec.decode(ChunkCodec.encode(entries))).isEqualTo(entries);
    }

    @Test
    void emptyChunkRoundTrips() {
        assertThat(ChunkCodec.decode(ChunkCodec.encode(List.of()))).isEmpty();
    }

    @Test
    void aFullBucketStaysFarBelowTheChunkLimit() {
        Random random = new Random(42);
        List<ShardEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2 * Buckets.TARGET_SHARDS_PER_BUCKET; i++) {
            entries.add(ShardEntry.of("customer_" + Long.toHexString(random.nextLong()), "site" + (i % 7), i % 3 == 0));
        }

        assertThat(ChunkCodec.encode(entries).length).isLessThan(400 * 1024);
    }

    @Test
    void homeHistoriesRoundTripAndChunksWithoutThemKeepTheFirstFormat() {
        ShardDefinition moved = ShardDefinition.of("acme", "nyc", false)
                .movedTo("sjc", GtidSet.parse("1-1-10"), GtidSet.parse("2-2-20"))
                .movedTo("lon", GtidSet.parse("2-2-30"), GtidSet.EMPTY);
        ShardDefinition lost =
                new ShardDefinition("beta", moved.home(), true, moved.history().withLostEnd(1));
        List<ShardEntry> entries =
                List.of(ShardEntry.active(moved), ShardEntry.active(lost), ShardEntry.of("c", "nyc", false));

        List<ShardEntry> decoded = ChunkCodec.decode(ChunkCodec.encode(entries));

        assertThat(decoded).isEqualTo(entries);
        assertThat(decoded.get(1).definition().history().tenures().get(1).ending())
                .isEqualTo(Tenure.Ending.LOST);
        List<ShardEntry> plain = List.of(ShardEntry.of("c", "nyc", false));
        assertThat(magicOf(ChunkCodec.encode(plain))).isEqualTo("SHC1");
        assertThat(magicOf(ChunkCodec.encode(entries))).isEqualTo("SHC2");
    }

    @ParameterizedTest(name = "{0} GTID domains per position")
    @ValueSource(ints = {1, 3})
    void aShardWithSixteenTenuresCostsAFewHundredBytesInAChunk(int domains) {
        Random random = new Random(7);
        List<ShardEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            ShardDefinition d = ShardDefinition.of("customer_" + Long.toHexString(random.nextLong()), "site0", false);
            long seq = random.nextInt(1_000_000);
            for (int move = 0; move < HomeHistory.LIMIT; move++) {
                String from = d.home().value();
                String to = "site" + ((move + 1) % 3);
                seq += random.nextInt(100_000);
                d = d.movedTo(to, position(from, seq, domains), position(to, seq + random.nextInt(1000), domains));
            }
            entries.add(ShardEntry.active(d));
        }

        byte[] chunk = ChunkCodec.encode(entries);

        System.out.printf(
                "%d shards with %d tenures, %d domains per position: %d bytes in a chunk, %d per shard%n",
                entries.size(), HomeHistory.LIMIT, domains, chunk.length, chunk.length / entries.size());
        assertThat(chunk.length / entries.size()).isLessThan(domains == 1 ? 256 : 512);
        assertThat(ChunkCodec.decode(chunk)).isEqualTo(entries);
    }

    /** A MariaDB position of a site: its own domain and, with more domains, others it has seen. */
    private static GtidSet position(String site, long seq, int domains) {
        int id = site.charAt(4) - '0' + 1;
        String own = id + "-" + id + "-" + seq;
        return GtidSet.parse(domains == 1 ? own : own + "," + (id + 10) + "-" + id + "-" + seq / 7 + ",0-1-12");
    }

    private static String magicOf(byte[] chunk) {
        try (var in = new java.io.DataInputStream(
                new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(chunk)))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            return new String(magic, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void garbageIsReportedAsCorruptData() {
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(
                        DirectoryException.class, e -> assertThat(e.code()).isEqualTo(Code.CORRUPT_DATA));
    }
}
