package io.shardhome.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
    void garbageIsReportedAsCorruptData() {
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(
                        DirectoryException.class, e -> assertThat(e.code()).isEqualTo(Code.CORRUPT_DATA));
    }
}
