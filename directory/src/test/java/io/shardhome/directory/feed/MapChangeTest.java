package io.shardhome.directory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapChangeTest {
    private static final List<Site> SITES =
            List.of(Site.of("nyc", "127.0.0.1", 3306), Site.of("sjc", "127.0.0.1", 3307));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DirectorySnapshot snapshot(long version, ShardEntry... entries) {
        return DirectorySnapshot.of(version, SITES, List.of(entries));
    }

    private static ShardEntry fenced(String shard, String home, String target) {
        return ShardEntry.of(shard, home, false).withState(ShardState.FENCED, target);
    }

    /** Through JSON and back, as the service sends it and a client reads it. */
    private static MapChange wire(MapChange change) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(change), MapChange.class);
    }

    @Test
    void aChangeAppliedToItsBaseGivesTheNewSnapshotWithStatesAndRemovals() throws Exception {
        DirectorySnapshot v1 = snapshot(
                1,
                ShardEntry.of("acme", "sjc", false),
                ShardEntry.of("pinnacle", "nyc", true),
                ShardEntry.of("gone", "nyc", false));
        DirectorySnapshot v2 = snapshot(
                2,
                fenced("acme", "sjc", "nyc"),
                ShardEntry.of("pinnacle", "nyc", true),
                ShardEntry.of("new", "#LOCAL", false));
        DirectorySnapshot v3 = snapshot(
                3,
                ShardEntry.of("acme", "nyc", false),
                ShardEntry.of("pinnacle", "nyc", true),
                ShardEntry.of("new", "#LOCAL", false));

        MapChange fence = wire(MapChange.between(v1, v2));
        MapChange flip = wire(MapChange.between(v2, v3));

        assertThat(fence.shards()).extracting(ShardJson::shard).containsExactly("acme", "new");
        assertThat(fence.removed()).containsExactly("gone");
        DirectorySnapshot atClient2 = fence.applyTo(v1);
        assertThat(atClient2.sortedEntries()).isEqualTo(v2.sortedEntries());
        assertThat(atClient2.entry("acme").state()).isEqualTo(ShardState.FENCED);
        assertThat(atClient2.version()).isEqualTo(2);
        DirectorySnapshot atClient3 = flip.applyTo(atClient2);
        assertThat(atClient3.sortedEntries()).isEqualTo(v3.sortedEntries());
        assertThat(atClient3.unusualEntries()).isEmpty();
        assertThat(atClient3.sites()).isEqualTo(v3.sites());
    }

    @Test
    void aFullChangeReplacesWhateverTheClientHeld() throws Exception {
        DirectorySnapshot v7 = snapshot(7, fenced("acme", "sjc", "nyc"), ShardEntry.of("pinnacle", "nyc", true));
        MapChange full = wire(MapChange.full(v7));

        DirectorySnapshot atClient = full.applyTo(snapshot(3, ShardEntry.of("other", "nyc", false)));

        assertThat(full.full()).isTrue();
        assertThat(atClient.version()).isEqualTo(7);
        assertThat(atClient.sortedEntries()).isEqualTo(v7.sortedEntries());
    }

    @Test
    void aChangeFromAnotherVersionIsAGapNotAWrongMap() {
        MapChange change = MapChange.between(snapshot(4), snapshot(5, ShardEntry.of("acme", "nyc", false)));

        assertThatThrownBy(() -> change.applyTo(snapshot(3)))
                .isInstanceOfSatisfying(
                        MapFeedException.class, e -> assertThat(e.code()).isEqualTo(MapFeedException.Code.GAP))
                .hasMessageContaining("from version 4 to 5")
                .hasMessageContaining("holds version 3");
    }

    @Test
    void aShardThatIsNotValidIsNamedNotApplied() {
        MapChange change = new MapChange(
                2, 1, false, List.of(), List.of(new ShardJson("acme", "nyc", null, "MELTED", null)), List.of());

        assertThatThrownBy(() -> change.applyTo(snapshot(1)))
                .isInstanceOfSatisfying(MapFeedException.class, e -> assertThat(e.code())
                        .isEqualTo(MapFeedException.Code.INVALID_EVENT))
                .hasMessageContaining("acme");
    }

    @Test
    void plainShardsLeaveOutTheirDefaultsOnTheWire() throws Exception {
        String json = JSON.writeValueAsString(MapChange.full(snapshot(1, ShardEntry.of("acme", "sjc", false))));

        assertThat(json).contains("{\"shard\":\"acme\",\"home\":\"sjc\"}");
    }
}
