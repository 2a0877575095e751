package io.shardhome.service.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows a table differs in, chunk by chunk: counts of missing, extra and different rows and the
 * keys of the first {@code limit} of each. Not thread-safe (one per table being compared).
 */
final class RowTally {
    private final int limit;
    private final Kind missing = new Kind();
    private final Kind extra = new Kind();
    private final Kind different = new Kind();

    RowTally(int limit) {
        this.limit = limit;
    }

    private final class Kind {
        long count;
        final List<String> keys = new ArrayList<>();

        void add(String key, long rows) {
            count += rows;
            if (keys.size() < limit) {
                keys.add(key);
            }
        }

        TableDiff.Rows rows() {
            return new TableDiff.Rows(count, keys);
        }
    }

    /** Adds the differences between one chunk's rows at the home and at the copy, by key (key → row hash). */
    void byKey(Map<String, Long> home, Map<String, Long> copy) {
        for (Map.Entry<String, Long> row : home.entrySet()) {
            Long there = copy.get(row.getKey());
            if (there == null) {
                missing.add(row.getKey(), 1);
            } else if (!there.equals(row.getValue())) {
                different.add(row.getKey(), 1);
            }
        }
        for (String key : copy.keySet()) {
            if (!home.containsKey(key)) {
                extra.add(key, 1);
            }
        }
    }

    /**
     * Adds the differences of a table without key, as multisets of row hashes (hash → how many rows): rows
     * cannot be named by key, so they are named by hash, and a changed row shows as one missing and one extra.
     */
    void byHash(Map<Long, Long> home, Map<Long, Long> copy) {
        for (Map.Entry<Long, Long> row : home.entrySet()) {
            long surplus = row.getValue() - copy.getOrDefault(row.getKey(), 0L);
            if (surplus > 0) {
                missing.add("row hash " + row.getKey(), surplus);
            }
        }
        for (Map.Entry<Long, Long> row : copy.entrySet()) {
            long surplus = row.getValue() - home.getOrDefault(row.getKey(), 0L);
            if (surplus > 0) {
                extra.add("row hash " + row.getKey(), surplus);
            }
        }
    }

    boolean isEmpty() {
        return missing.count + extra.count + different.count == 0;
    }

    TableDiff.Rows missing() {
        return missing.rows();
    }

    TableDiff.Rows extra() {
        return extra.rows();
    }

    TableDiff.Rows different() {
        return different.rows();
    }
}
