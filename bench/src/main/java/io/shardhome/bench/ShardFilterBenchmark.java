package io.shardhome.bench;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.map.ShardMap;
import io.shardhome.filter.rules.Decision;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.filter.rules.Policy;
import io.shardhome.filter.rules.ShardFilter;
import io.shardhome.filter.rules.TransactionHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second of {@link ShardFilter#decide} on the link nyc->sjc over a 100,000-shard map
 * (homes nyc, sjc, lon in turn), one thread. Each benchmark walks a shuffled array of transaction
 * headers on {@code activeShards} distinct shards spread evenly over the map: 4,096 is a busy link's
 * working set, 33,334 is every shard homed at nyc, in random order (the memory-bound worst case).
 * {@code apply}: local writes of shards homed at nyc (APPLY); {@code echo}: the same transactions
 * coming back after sjc applied them (DROP ECHO); {@code unknown}: shards missing from the map with
 * unknownShardPolicy=drop (DROP with a message).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ShardFilterBenchmark {
    private static final int SHARDS = 100_000;
    private static final int SHARDS_AT_NYC = (SHARDS + 2) / 3;

    @Param({"4096", "33334"})
    private int activeShards;

    private ShardMap map;
    private ShardFilter filter;
    private TransactionHeader[] local;
    private TransactionHeader[] echoes;
    private TransactionHeader[] unknowns;
    private int next;

    @Setup
    public void setUp() {
        map = GeneratedMaps.map(SHARDS);
        filter = new ShardFilter(new LinkRoles("nyc", "sjc"), new FilterPolicies(Policy.DROP, Policy.ERROR));
        local = headers("nyc", 0);
        echoes = headers("sjc", 0);
        unknowns = headers("nyc", SHARDS);
        next = 0;
        // Compacts the map and the headers the same way for every activeShards; otherwise only
        // the setups that allocate enough to trigger a young GC get a compacted heap (see
        // docs/benchmarks.md, shard-filter).
        System.gc();
    }

    /** Shuffled transactions from {@code origin} on {@code activeShards} shards homed at nyc, shifted by {@code offset}. */
    private TransactionHeader[] headers(String origin, int offset) {
        int stride = Math.max(1, SHARDS_AT_NYC / activeShards) * GeneratedMaps.SITES.size();
        List<Integer> order = new ArrayList<>(activeShards);
        for (int k = 0; k < activeShards; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(42));
        // Allocated in the order they are walked, as a link's fresh headers would be: allocating
        // them first and shuffling after made the walk jump around the heap.
        TransactionHeader[] headers = new TransactionHeader[activeShards];
        for (int i = 0; i < activeShards; i++) {
            int k = order.get(i);
            Set<String> schemas = Set.of(GeneratedMaps.shardId(offset + k * stride));
            headers[i] = new TransactionHeader(schemas, false, origin, Gtid.mariaDb(0, 1, k), "");
        }
        return headers;
    }

    private TransactionHeader nextOf(TransactionHeader[] headers) {
        int index = next;
        next = index + 1 == headers.length ? 0 : index + 1;
        return headers[index];
    }

    /** APPLY: local writes at nyc of shards homed at nyc. */
    @Benchmark
    public Decision apply() {
        return filter.decide(map, nextOf(local));
    }

    /** DROP ECHO: nyc's writes coming back from sjc. */
    @Benchmark
    public Decision echo() {
        return filter.decide(map, nextOf(echoes));
    }

    /** DROP UNKNOWN_SHARD under unknownShardPolicy=drop: builds the drop message each time. */
    @Benchmark
    public Decision unknown() {
        return filter.decide(map, nextOf(unknowns));
    }
}
