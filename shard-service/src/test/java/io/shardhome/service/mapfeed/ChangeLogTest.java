package io.shardhome.service.mapfeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.feed.MapChange;
import io.shardhome.directory.feed.ShardJson;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeLogTest {
    private final List<DirectorySnapshot> versions = new ArrayList<>();

    /** Versions 1..5: acme added, pinnacle added, acme moved, pinnacle removed, pinnacle back elsewhere. */
    private ChangeLog logOfFiveVersions(int maxSteps, int maxShards) {
        versions.add(snapshot(1, ShardEntry.of("acme", "sjc", false)));
        versions.add(snapshot(2, ShardEntry.of("acme", "sjc", false), ShardEntry.of("pinnacle", "nyc", false)));
        versions.add(snapshot(3, ShardEntry.of("acme", "nyc", false), ShardEntry.of("pinnacle", "nyc", false)));
        versions.add(snapshot(4, ShardEntry.of("acme", "nyc", false)));
        versions.add(snapshot(5, ShardEntry.of("acme", "nyc", false), ShardEntry.of("pinnacle", "sjc", true)));
        ChangeLog log = new ChangeLog(maxSteps, maxShards);
        for (int i = 1; i < versions.size(); i++) {
            log.append(MapChange.between(versions.get(i - 1), versions.get(i)));
        }
        return log;
    }

    private static DirectorySnapshot snapshot(long version, ShardEntry... entries) {
        return DirectorySnapshot.of(version, List.of(), List.of(entries));
    }

    private DirectorySnapshot latest() {
        return versions.get(versions.size() - 1);
    }

    @Test
    void aClientSomeVersionsBehindGetsOneMergedChangeThatLeadsToTheCurrentMap() {
        ChangeLog log = logOfFiveVersions(100, 100);

        for (int held = 1; held <= 4; held++) {
            MapChange change = log.since(held, latest());

            assertThat(change.full()).isFalse();
            assertThat(change.baseVersion()).isEqualTo(held);
            assertThat(change.applyTo(versions.get(held - 1)).sortedEntries()).isEqualTo(latest().sortedEntries());
        }
        MapChange fromThree = log.since(3, latest());
        assertThat(fromThree.shards()).extracting(ShardJson::shard).containsExactly("pinnacle");
        assertThat(fromThree.removed()).isEmpty();
    }

    @Test
    void aCurrentClientGetsNothing() {
        assertThat(logOfFiveVersions(100, 100).since(5, latest())).isNull();
    }

    @Test
    void aClientBehindTheKeptHistoryOrAheadOfItGetsTheWholeMap() {
        ChangeLog log = logOfFiveVersions(2, 100);

        assertThat(log.since(2, latest()).full()).isTrue();
        assertThat(log.since(3, latest()).full()).isFalse();
        assertThat(log.since(9, latest()).full()).isTrue();
        assertThat(log.since(0, latest()).full()).isTrue();
    }

    @Test
    void stepsBeyondTheShardBudgetAreNotKept() {
        ChangeLog log = logOfFiveVersions(100, 1);

        assertThat(log.since(4, latest()).full()).isFalse();
        assertThat(log.since(3, latest()).full()).isTrue();
    }

    @Test
    void aStepThatDoesNotFollowTheLastStartsAFreshChain() {
        ChangeLog log = logOfFiveVersions(100, 100);
        DirectorySnapshot v9 = snapshot(9, ShardEntry.of("acme", "sjc", false));
        log.append(MapChange.between(snapshot(8), v9));

        assertThat(log.since(8, v9).full()).isFalse();
        assertThat(log.since(4, v9).full()).isTrue();
    }
}
