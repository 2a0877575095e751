package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Assembles binlog events into whole {@link SourceTransaction}s. MariaDB: a GTID event opens a
 * transaction (no BEGIN), XID or a COMMIT query closes it, DDL is a standalone GTID plus one QUERY.
 * MySQL: GTID, BEGIN, rows, XID; DDL is GTID plus QUERY. Not thread-safe: one assembler per reading
 * thread; feed it events in binlog order.
 */
public final class TransactionAssembler {
    /** Distinct shapes kept at most; past it the cache starts over (only memory, never meaning, depends on it). */
    private static final int MAX_SHAPES = 10_000;

    private final IntFunction<String> charsetOfCollation;
    private final Map<Long, TableShape> tables = new HashMap<>();
    private final Map<TableShape, TableShape> shapes = new HashMap<>();
    private final Map<Long, TableMapEventData> mapped = new HashMap<>();
    private String binlogFile = "";
    private Builder open;

    /** @param charsetOfCollation the source master's character set name of a collation id */
    public TransactionAssembler(IntFunction<String> charsetOfCollation) {
        this.charsetOfCollation = charsetOfCollation;
    }

    /**
     * Feeds one event; calls {@code complete} with each transaction it closes.
     *
     * @throws LinkException {@code EVENT_UNREADABLE} when the events cannot be replicated faithfully
     */
    public void accept(Event event, Consumer<SourceTransaction> complete) {
        EventType type = event.getHeader().getEventType();
        switch (type) {
            case ROTATE -> binlogFile = ((RotateEventData) event.getData()).getBinlogFilename();
            case MARIADB_GTID -> openMariadb(event);
            case GTID -> open(((GtidEventData) event.getData()).getMySqlGtid().toString(), true, event);
            case QUERY -> query(event, complete);
            case TABLE_MAP -> tableMap((TableMapEventData) event.getData());
            case XID -> close(event, complete);
            case TRANSACTION_PAYLOAD -> payload(event, complete);
            default -> rows(event);
        }
    }

    /** Whether a transaction is open (its events were read but not its commit). */
    public boolean inTransaction() {
        return open != null;
    }

    private void openMariadb(Event event) {
        MariadbGtidEventData data = event.getData();
        long serverId = event.getHeader().getServerId();
        String gtid = data.getDomainId() + "-" + serverId + "-" + data.getSequence();
        open(gtid, (data.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0, event);
    }

    private void open(String gtid, boolean standalone, Event event) {
        if (tables.size() >= MAX_SHAPES) {
            tables.clear(); // between transactions: every transaction maps the tables it uses again
            mapped.clear();
        }
        open = new Builder(gtid, standalone, event.getHeader().getTimestamp());
    }

    private void query(Event event, Consumer<SourceTransaction> complete) {
        QueryEventData data = event.getData();
        String sql = data.getSql().strip();
        if ("BEGIN".equalsIgnoreCase(sql)) {
            if (open == null) {
                open("", false, event);
            }
            open.rowTransaction = true;
        } else if ("COMMIT".equalsIgnoreCase(sql)) {
            close(event, complete);
        } else if ("ROLLBACK".equalsIgnoreCase(sql)) {
            if (open != null) {
                open.rows.clear();
                open.statements.clear();
                open.schemas.clear();
            }
            close(event, complete);
        } else {
            statement(event, data, complete);
        }
    }

    private void statement(Event event, QueryEventData data, Consumer<SourceTransaction> complete) {
        if (open == null) {
            open("", true, event);
        }
        String database = data.getDatabase() == null ? "" : data.getDatabase();
        open.statements.add(new DdlStatement(database, data.getSql()));
        open.schemas.addAll(StatementSchemas.of(data.getSql(), database));
        if (!open.rowTransaction) {
            close(event, complete);
        }
    }

    /**
     * Every transaction maps its tables again; equal shapes come back as the same instance, so that the
     * applier can cache per table by identity.
     */
    private void tableMap(TableMapEventData data) {
        if (mapped.get(data.getTableId()) == data) {
            return; // the reader hands back the same instance for a byte-equal map (see CachingEventDeserializer)
        }
        TableShape shape = TableShapes.of(data, charsetOfCollation);
        if (shapes.size() >= MAX_SHAPES) {
            shapes.clear();
            mapped.clear();
        }
        TableShape known = shapes.putIfAbsent(shape, shape);
        tables.put(data.getTableId(), known == null ? shape : known);
        mapped.put(data.getTableId(), data);
    }

    private void rows(Event event) {
        EventType type = event.getHeader().getEventType();
        if (EventType.isWrite(type)) {
            WriteRowsEventData data = event.getData();
            TableShape table = table(data.getTableId(), data.getIncludedColumns());
            data.getRows().forEach(row -> add(RowChange.insert(table, decode(table, row))));
        } else if (EventType.isUpdate(type)) {
            UpdateRowsEventData data = event.getData();
            TableShape table = table(data.getTableId(), data.getIncludedColumns());
            data.getRows()
                    .forEach(row ->
                            add(RowChange.update(table, decode(table, row.getKey()), decode(table, row.getValue()))));
        } else if (EventType.isDelete(type)) {
            DeleteRowsEventData data = event.getData();
            TableShape table = table(data.getTableId(), data.getIncludedColumns());
            data.getRows().forEach(row -> add(RowChange.delete(table, decode(table, row))));
        }
    }

    private TableShape table(long tableId, BitSet included) {
        TableShape table = tables.get(tableId);
        if (table == null) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "row event for table id " + tableId
                            + " without its table map; the link must read whole transactions from their GTID");
        }
        if (included.cardinality() != table.columns().size()) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "row event of " + table.qualifiedName()
                            + " has only " + included.cardinality() + " of "
                            + table.columns().size()
                            + " columns; set binlog_row_image=FULL on the source master");
        }
        return table;
    }

    private static Object[] decode(TableShape table, Serializable[] row) {
        Object[] values = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            values[i] = ValueDecoder.decode(table.columns().get(i), row[i]);
        }
        return values;
    }

    private void add(RowChange change) {
        if (open == null) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "row event of " + change.table().qualifiedName()
                            + " outside a transaction; the link must read whole transactions from their GTID");
        }
        open.rows.add(change);
        open.schemas.add(change.table().schema());
    }

    private void payload(Event event, Consumer<SourceTransaction> complete) {
        TransactionPayloadEventData data = event.getData();
        for (Event inner : data.getUncompressedEvents()) {
            accept(inner, complete);
        }
    }

    private void close(Event event, Consumer<SourceTransaction> complete) {
        if (open == null) {
            return;
        }
        long next = event.getHeader() instanceof EventHeaderV4 v4 ? v4.getNextPosition() : 0;
        Builder done = open;
        open = null;
        complete.accept(new SourceTransaction(
                done.gtid,
                new BinlogPosition(binlogFile, next),
                done.commitMillis,
                done.schemas,
                done.rows,
                done.statements));
    }

    private static final class Builder {
        final String gtid;
        final long commitMillis;
        final List<RowChange> rows = new ArrayList<>();
        final List<DdlStatement> statements = new ArrayList<>();
        final java.util.Set<String> schemas = new java.util.TreeSet<>();
        boolean rowTransaction;

        Builder(String gtid, boolean standalone, long commitMillis) {
            this.gtid = gtid;
            this.rowTransaction = !standalone;
            this.commitMillis = commitMillis;
        }
    }
}
