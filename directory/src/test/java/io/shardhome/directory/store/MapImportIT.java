package io.shardhome.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.map.ShardMapDiff;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MapImportIT {
    private static TestingServer zk;
    private DirectoryFixture fixture;
    private DirectoryStore store;
    private MapImporter importer;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zk = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zk.close();
    }

    @BeforeEach
    void newDirectory() {
        fixture = DirectoryFixture.on(zk.getConnectString());
        store = fixture.store();
        importer = new MapImporter(store);
        fixture.registerSites("nyc", "sjc");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ShardMap csv(String text) {
        return MapImporter.parseCsv("test.csv", new StringReader(text));
    }

    @Test
    void dryRunReturnsTheDiffAndWritesNothing() {
        importer.importMap(
                csv("shard_id master critical\na nyc false\nb nyc false\n"), ImportMode.REPLACE, store.version());
        long before = store.version();

        ImportResult preview =
                importer.preview(csv("shard_id master critical\na sjc false\nc nyc true\n"), ImportMode.REPLACE);

        ShardMapDiff diff = preview.diff();
        assertThat(diff.added()).containsExactly(ShardDefinition.of("c", "nyc", true));
        assertThat(diff.removed()).containsExactly(ShardDefinition.of("b", "nyc", false));
        assertThat(diff.changed()).extracting(ShardMapDiff.Change::shardId).containsExactly("a");
        assertThat(preview.applied()).isFalse();
        assertThat(preview.baseVersion()).isEqualTo(before);
        assertThat(store.version()).isEqualTo(before);
    }

    @Test
    void mergeAddsAndReplacesButRemovesNothing() {
        long v = importer.importMap(
                        csv("shard_id master critical\na nyc false\nb nyc false\n"),
                        ImportMode.REPLACE,
                        store.version())
                .newVersion();

        ImportResult merged =
                importer.importMap(csv("shard_id master critical\nb sjc true\nc sjc false\n"), ImportMode.MERGE, v);

        assertThat(merged.newVersion()).isEqualTo(v + 1);
        assertThat(store.read().shardMap().sorted())
                .containsExactly(
                        ShardDefinition.of("a", "nyc", false),
                        ShardDefinition.of("b", "sjc", true),
                        ShardDefinition.of("c", "sjc", false));
        assertThat(store.auditTrail(1).get(0).summary()).isEqualTo("+1 added, -0 removed, ~1 changed");
    }

    @Test
    void importAgainstStaleVersionConflicts() {
        long stale = store.version();
        store.createShard(ShardDefinition.of("x", "nyc", false), stale);

        assertThatThrownBy(() ->
                        importer.importMap(csv("shard_id master critical\na nyc false\n"), ImportMode.MERGE, stale))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.currentVersion())
                        .isEqualTo(stale + 1));
    }

    @Test
    void importHomingShardsAtUnknownSitesNamesThemAll() {
        ShardMap map = csv("shard_id master critical\na lon false\nb par false\nc nyc false\n");
        assertThatThrownBy(() -> importer.importMap(map, ImportMode.REPLACE, store.version()))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.UNKNOWN_SITE);
                    assertThat(e.getMessage()).contains("[lon, par]");
                });
    }

    @Test
    void malformedCsvListsEveryErrorWithLineAndColumn() {
        assertThatThrownBy(() -> csv("shard_id master critical\na nyc maybe\nb nyc\n"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_INPUT);
                    assertThat(e.getMessage())
                            .contains("2 errors")
                            .contains("test.csv:2:")
                            .contains("test.csv:3:");
                });
    }

    @Test
    void exportImportsBackUnchangedAndKeepsShardStates() {
        long v = importer.importMap(
                        csv("shard_id master critical\na nyc false\nz9 #LOCAL true\n"),
                        ImportMode.REPLACE,
                        store.version())
                .newVersion();
        v = store.setShardState("a", ShardState.FENCED, "sjc", v);
        StringWriter exported = new StringWriter();
        importer.exportCsv(exported);

        ImportResult again = importer.importMap(csv(exported.toString()), ImportMode.REPLACE, v);

        assertThat(again.applied()).isFalse();
        assertThat(again.newVersion()).isEqualTo(v);
        assertThat(exported.toString()).contains("# version: " + v);
        importer.importMap(csv("shard_id master critical\na sjc false\n"), ImportMode.MERGE, v);
        assertThat(store.read().entry("a").state()).isEqualTo(ShardState.FENCED);
    }

    @Test
    void readersDuringA100kImportSeeTheOldMapOrTheNewNeverAMix() throws Exception {
        importer.importMap(uniform(100_000, "nyc"), ImportMode.REPLACE, store.version());
        DirectoryStore otherReader = new DirectoryStore(fixture.client(), store.layout(), StoreOptions.defaults());
        List<String> mixes = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean importing = new AtomicBoolean(true);
        Set<String> seenHomes = ConcurrentHashMap.newKeySet();
        try (ZkShardMapView view = ZkShardMapView.start(fixture.client(), store.layout(), Duration.ofMillis(50))) {
            view.addListener(map -> checkUniform(map, mixes, seenHomes));
            Thread poller = new Thread(() -> {
                while (importing.get()) {
                    DirectorySnapshot s = otherReader.read();
                    checkUniform(s.shardMap(), mixes, seenHomes);
                    reads.incrementAndGet();
                }
            });
            poller.start();
            await().until(() -> reads.get() > 0);
            importer.importMap(uniform(100_000, "sjc"), ImportMode.REPLACE, store.version());
            await().until(() -> seenHomes.contains("sjc"));
            importing.set(false);
            poller.join();
        }
        assertThat(mixes).isEmpty();
        assertThat(store.read().shardMap().lookup("s99999").home().value()).isEqualTo("sjc");
    }

    private static void checkUniform(ShardMap map, List<String> mixes, Set<String> seenHomes) {
        Set<String> homes = new HashSet<>();
        map.asMap().values().forEach(d -> homes.add(d.home().value()));
        if (homes.size() > 1 || map.size() != 100_000) {
            mixes.add("version " + map.version() + " has " + map.size() + " shards homed at " + homes);
        }
        seenHomes.addAll(homes);
    }

    private static ShardMap uniform(int size, String home) {
        List<ShardDefinition> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(ShardDefinition.of("s" + i, home, i % 100 == 0));
        }
        return ShardMap.of(0, all);
    }
}
