package io.shardhome.service.failover;

import java.util.List;
import java.util.Map;

/**
 * A transaction the returning site committed itself that a survivor never got: listed, never applied.
 * Immutable.
 *
 * @param gtid its GTID at the returning site
 * @param shard the one schema it touches, or {@code #UNKNOWN} (none, or several: see {@code schemas})
 * @param schemas every schema it touches
 * @param rows rows per table ({@code schema.table}); a DDL statement shows as {@code ddl}
 * @param missingAt the surviving sites whose link never processed it
 * @param committedAt the source commit time (epoch millis, second resolution)
 */
public record Orphan(
        String gtid,
        String shard,
        List<String> schemas,
        Map<String, Long> rows,
        List<String> missingAt,
        long committedAt) {
    public Orphan {
        schemas = List.copyOf(schemas);
        rows = Map.copyOf(rows);
        missingAt = List.copyOf(missingAt);
    }
}
