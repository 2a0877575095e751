package io.shardhome.links;

import io.shardhome.links.source.RowCounts;
import io.shardhome.links.source.SourceTransaction;
import java.util.Map;

/**
 * What one source transaction holds, for an operator deciding about a stopped link or reading what a skip
 * left out: no row values, only names and counts. Immutable.
 *
 * @param rows rows per table ({@code schema.table}); -1 when they could not be counted
 * @param statement its DDL statement (first 200 characters), or empty
 */
public record TransactionSummary(String gtid, String schemas, Map<String, Long> rows, long bytes, String statement) {
    public TransactionSummary {
        rows = Map.copyOf(rows);
    }

    static TransactionSummary of(SourceTransaction tx) {
        String ddl = tx.ddl().map(d -> d.text().strip()).orElse("");
        return new TransactionSummary(
                tx.gtid().toString(),
                String.join(",", tx.schemas()),
                RowCounts.of(tx),
                tx.bytes(),
                ddl.length() > 200 ? ddl.substring(0, 200) + "..." : ddl);
    }

    /** Total rows, counting uncountable tables as 0. */
    public long totalRows() {
        return rows.values().stream().mapToLong(n -> Math.max(0, n)).sum();
    }
}
