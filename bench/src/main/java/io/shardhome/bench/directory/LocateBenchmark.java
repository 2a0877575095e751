package io.shardhome.bench.directory;

import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.filter.map.ShardDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code locate(shardId)} on the in-memory snapshot of a 100,000-shard map (what a view serves). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LocateBenchmark {
    private static final int SHARDS = 100_000;

    private ShardLocator locator;
    private String[] ids;
    private int next;

    @Setup
    public void setUp() {
        List<ShardEntry> entries = new ArrayList<>(SHARDS);
        for (ShardDefinition d : BenchMaps.map(SHARDS, 0).asMap().values()) {
            entries.add(ShardEntry.active(d));
        }
        List<Site> sites = new ArrayList<>();
        int port = 3306;
        for (String name : BenchMaps.SITES) {
            sites.add(Site.of(name, "db-" + name, port++));
        }
        DirectorySnapshot snapshot = DirectorySnapshot.of(1, sites, entries);
        locator = new ShardLocator(() -> snapshot);
        ids = new String[4096];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("customer%07d", (i * 7919) % SHARDS);
        }
    }

    @Benchmark
    public ShardLocation locate() {
        next = (next + 1) & (ids.length - 1);
        return locator.locate(ids[next]);
    }
}
