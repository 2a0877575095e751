package io.shardhome.directory.snapshot;

import io.shardhome.directory.site.Site;
import java.util.List;
import java.util.Objects;

/**
 * The content of the pointer znode: which chunks make up the current map, its version, and the site
 * registry. Replaced as a whole by one compare-and-set, so readers see one map version or the next,
 * never a mix. Immutable.
 *
 * @param format the layout format (1)
 * @param version the map version, +1 on every change
 * @param commitId unique id of the commit that wrote this manifest (recognises our own write after a
 *     connection loss)
 * @param sites every registered site
 * @param shardCount number of shards in all chunks
 * @param chunks chunk ids, one per bucket (index = bucket); empty for an empty map
 */
public record Manifest(
        int format, long version, String commitId, List<Site> sites, int shardCount, List<String> chunks) {
    public static final int FORMAT = 1;

    public Manifest {
        sites = List.copyOf(Objects.requireNonNullElse(sites, List.of()));
        chunks = List.copyOf(Objects.requireNonNullElse(chunks, List.of()));
        commitId = commitId == null ? "" : commitId;
    }

    public static Manifest empty() {
        return new Manifest(FORMAT, 0, "", List.of(), 0, List.of());
    }

    public int bucketCount() {
        return chunks.size();
    }
}
