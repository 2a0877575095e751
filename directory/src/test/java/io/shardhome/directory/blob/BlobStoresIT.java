package io.shardhome.directory.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.DirectoryFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlobStoresIT {
    private static TestingServer zk;
    private static DirectoryFixture fixture;

    record MoveRecord(String shard, String from, String to, String step) {}

    record LinkStatus(String state, long lagMillis) {}

    @BeforeAll
    static void start() throws Exception {
        zk = new TestingServer(true);
        fixture = DirectoryFixture.on(zk.getConnectString());
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        zk.close();
    }

    @Test
    void publishedLinkStatusIsReadBackAndLastWriterWins() {
        LinkStatusStore links = new LinkStatusStore(fixture.client(), fixture.layout());
        links.publish("nyc-sjc", new LinkStatus("ONLINE", 12));
        links.publish("nyc-sjc", new LinkStatus("OFFLINE:ERROR", 0));
        links.publish("sjc-nyc", "raw".getBytes(StandardCharsets.UTF_8));

        assertThat(links.read("nyc-sjc", LinkStatus.class)).contains(new LinkStatus("OFFLINE:ERROR", 0));
        assertThat(links.linkIds()).containsExactly("nyc-sjc", "sjc-nyc");
        assertThat(links.read("lon-par")).isEmpty();
    }

    @Test
    void moveRecordWritesAreCompareAndSet() {
        MoveRecordStore moves = new MoveRecordStore(fixture.client(), fixture.layout());
        int v0 = moves.write("acme", new MoveRecord("acme", "nyc", "sjc", "CHECK"), VersionedBlob.ABSENT);
        int v1 = moves.write("acme", new MoveRecord("acme", "nyc", "sjc", "FENCE"), v0);

        assertThatThrownBy(
                        () -> moves.write("acme", new MoveRecord("acme", "nyc", "lon", "CHECK"), VersionedBlob.ABSENT))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.CONFLICT);
                    assertThat(e.getMessage()).contains("current version is " + v1);
                });
        assertThatThrownBy(() -> moves.write("acme", new MoveRecord("acme", "nyc", "sjc", "FLIP"), v0))
                .extracting(e -> ((DirectoryException) e).code())
                .isEqualTo(Code.CONFLICT);
        assertThat(moves.read("acme", MoveRecord.class)).contains(new MoveRecord("acme", "nyc", "sjc", "FENCE"));

        moves.delete("acme", v1);
        assertThat(moves.read("acme")).isEmpty();
    }

    @Test
    void linkEpochsRiseByOneForEveryNewHolderEvenWhenHoldersRace() throws Exception {
        LinkEpochs epochs = new LinkEpochs(fixture.client(), fixture.layout());
        assertThat(epochs.current("lon.par")).isZero();
        assertThat(epochs.next("lon.par")).isEqualTo(1);

        List<Callable<Long>> racers =
                Collections.nCopies(8, () -> new LinkEpochs(fixture.client(), fixture.layout()).next("lon.par"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Long> got = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(racers)) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(epochs.current("lon.par")).isEqualTo(9);
        assertThat(epochs.next("par.lon")).isEqualTo(1);
    }
}
