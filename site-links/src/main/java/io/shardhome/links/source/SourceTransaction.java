package io.shardhome.links.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One whole transaction read from a source master's binlog. Immutable.
 *
 * @param gtid its GTID ({@code domain-server-seq} on MariaDB, {@code uuid:n} on MySQL); empty without GTIDs
 * @param endPosition binlog {@code file:pos} just after its commit event
 * @param commitMillis the source commit time (binlog event header, second resolution)
 * @param schemas every schema it touches: row events' schemas and the schemas its statements name
 * @param rows its row changes in binlog order
 * @param statements its statements (DDL); a DDL transaction has exactly one and no rows
 */
public record SourceTransaction(
        String gtid,
        BinlogPosition endPosition,
        long commitMillis,
        Set<String> schemas,
        List<RowChange> rows,
        List<DdlStatement> statements) {
    public SourceTransaction {
        gtid = gtid == null ? "" : gtid;
        Objects.requireNonNull(endPosition, "endPosition");
        schemas = Set.copyOf(schemas);
        rows = List.copyOf(rows);
        statements = List.copyOf(statements);
    }

    public boolean isDdl() {
        return !statements.isEmpty();
    }

    /** The schemas (shards) of {@code transactions}, sorted and comma-separated: names an applied group in errors. */
    public static String schemasOf(List<SourceTransaction> transactions) {
        return transactions.stream()
                .flatMap(tx -> tx.schemas().stream())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** True for a transaction without any change (e.g. rolled back): only its position matters. */
    public boolean isEmpty() {
        return rows.isEmpty() && statements.isEmpty();
    }
}
