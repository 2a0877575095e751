package io.shardhome.bench.client;

import java.util.ArrayList;
import java.util.List;

/** Nearest-rank percentiles of a list of values. Pure. */
final class Percentiles {
    private final List<Long> sorted;

    Percentiles(List<Long> values) {
        this.sorted = new ArrayList<>(values);
        this.sorted.sort(null);
    }

    long at(double percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    long max() {
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }

    int count() {
        return sorted.size();
    }

    String summary(String unit) {
        return String.format(
                "p50 %d %s, p90 %d %s, p99 %d %s, max %d %s (n=%d)",
                at(50), unit, at(90), unit, at(99), unit, max(), unit, count());
    }
}
