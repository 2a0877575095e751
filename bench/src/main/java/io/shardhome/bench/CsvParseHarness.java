package io.shardhome.bench;

import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.csv.ShardMapParseResult;
import io.shardhome.filter.map.ShardMap;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a CSV shard map of N rows (default 1,000,000) to a temporary file, then parses and validates
 * it a few times, printing for each run the wall time, the bytes allocated by the parsing thread and
 * the heap in use after a GC while the parsed map is still referenced. The first run includes JIT
 * warm-up; later runs show the steady state.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.shardhome.bench.CsvParseHarness [rows] [runs]}
 */
public final class CsvParseHarness {
    private CsvParseHarness() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("shardmap-", ".csv");
        try {
            long writeStart = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                ShardMapCsv.write(GeneratedMaps.map(rows), out);
            }
            System.out.printf(
                    Locale.ROOT,
                    "generated %,d rows, %,d bytes in %.0f ms%n",
                    rows,
                    Files.size(file),
                    (System.nanoTime() - writeStart) / 1e6);
            for (int run = 1; run <= runs; run++) {
                measure(file, run);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void measure(Path file, int run) throws IOException {
        long heapBefore = heapAfterGc();
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        ShardMapParseResult result = ShardMapCsv.parse(file);
        ShardMap map = result.map();
        long nanos = System.nanoTime() - start;
        long allocated = allocatedBytes() - allocatedBefore;
        long retained = heapAfterGc() - heapBefore;
        Reference.reachabilityFence(map);
        System.out.printf(
                Locale.ROOT,
                "run %d: parsed and validated %,d shards in %.0f ms; allocated %,d MiB; map retains %,d MiB"
                        + " of heap after GC%n",
                run,
                map.size(),
                nanos / 1e6,
                allocated >> 20,
                retained >> 20);
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
