package io.shardhome.links.source;

import io.shardhome.filter.gtid.Gtid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One whole transaction read from a source master's binlog, kept as the steps a target replays: row events
 * byte for byte, savepoints and DDL as statements with their session context. Immutable once assembled,
 * except that {@link #close()} releases a transaction spilled to a file.
 *
 * @param gtid its GTID
 * @param serverId the server id of its GTID event header: the source's own for a local write; a link
 *     applying at a MariaDB site writes under the origin's server id
 * @param format the source's format description event (raw) that its events follow
 * @param endPosition binlog {@code file:pos} just after its commit event
 * @param commitMillis the source commit time (binlog event header, second resolution)
 * @param schemas every schema it touches: row events' schemas and the schemas its statements name
 * @param rowEvents per table ({@code schema.table}), the number of row events (not rows; see {@link
 *     RowCounts} for those)
 * @param columns per table, the number of columns its row images carry (the target's table must have as
 *     many: a replica silently ignores extra trailing columns)
 * @param touchesPositions whether it changes {@code shardhome.link_position}: only a link's apply does
 * @param skippedByOperator whether an operator asked to skip it: its events were read but not judged
 */
public record SourceTransaction(
        Gtid gtid,
        long serverId,
        byte[] format,
        BinlogPosition endPosition,
        long commitMillis,
        Set<String> schemas,
        Map<String, Integer> rowEvents,
        Map<String, Long> columns,
        List<TxStep> steps,
        boolean touchesPositions,
        boolean skippedByOperator)
        implements AutoCloseable {
    public SourceTransaction {
        Objects.requireNonNull(gtid, "gtid");
        Objects.requireNonNull(endPosition, "endPosition");
        schemas = Set.copyOf(schemas);
        rowEvents = Map.copyOf(rowEvents);
        columns = Map.copyOf(columns);
        steps = List.copyOf(steps);
    }

    /** True for a transaction without any change (e.g. rolled back): only its position matters. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Its DDL statement, if it has one (then it is applied alone; CREATE TABLE ... SELECT also has rows). */
    public Optional<TxStep.Statement> ddl() {
        return steps.stream()
                .filter(s -> s instanceof TxStep.Statement st && st.kind() == StatementKind.DDL)
                .map(TxStep.Statement.class::cast)
                .findFirst();
    }

    public boolean isDdl() {
        return ddl().isPresent();
    }

    /** Bytes of row events it carries. */
    public long bytes() {
        return steps.stream()
                .filter(TxStep.Rows.class::isInstance)
                .mapToLong(s -> ((TxStep.Rows) s).events().bytes())
                .sum();
    }

    /** Its tables, sorted and comma-separated, for messages. */
    public String tables() {
        return rowEvents.keySet().stream().sorted().collect(Collectors.joining(","));
    }

    /** The schemas (shards) of {@code transactions}, sorted and comma-separated: names an applied group in errors. */
    public static String schemasOf(List<SourceTransaction> transactions) {
        return transactions.stream()
                .flatMap(tx -> tx.schemas().stream())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** Deletes the file of a spilled transaction. */
    @Override
    public void close() {
        steps.forEach(s -> {
            if (s instanceof TxStep.Rows rows) {
                rows.events().close();
            }
        });
    }

    @Override
    public String toString() {
        return "SourceTransaction[" + gtid + " " + schemas + " " + steps.size() + " steps]";
    }
}
