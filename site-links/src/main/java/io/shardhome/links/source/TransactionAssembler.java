package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import io.shardhome.filter.gtid.Gtid;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Assembles binlog events into whole {@link SourceTransaction}s, keeping what a target replays. MariaDB: a
 * GTID event opens a transaction (standalone flag: one DDL statement), XID or COMMIT closes it; MySQL:
 * GTID, then BEGIN and rows up to XID, or one DDL statement. Anything a link cannot replay faithfully is a
 * {@link LinkException} naming the transaction: statement-logged DML ({@code STATEMENT_LOGGED}), XA,
 * unknown events or statements, a placeholder event, a rolled-back group with changes ({@code
 * UNSUPPORTED_EVENT}). Not thread-safe: one assembler per reading thread, fed in binlog order.
 */
public final class TransactionAssembler {
    private static final int FL_STANDALONE = 1;
    private static final int FL_PREPARED_XA = 64;
    private static final int FL_COMPLETED_XA = 128;
    private static final Set<EventType> STATEMENT_FORMAT_EVENTS = Set.of(
            EventType.INTVAR,
            EventType.RAND,
            EventType.USER_VAR,
            EventType.LOAD,
            EventType.CREATE_FILE,
            EventType.APPEND_BLOCK,
            EventType.EXEC_LOAD,
            EventType.DELETE_FILE,
            EventType.NEW_LOAD,
            EventType.BEGIN_LOAD_QUERY,
            EventType.EXECUTE_LOAD_QUERY);
    private static final Set<EventType> CONTROL_EVENTS = Set.of(
            EventType.HEARTBEAT,
            EventType.BINLOG_CHECKPOINT,
            EventType.MARIADB_GTID_LIST,
            EventType.PREVIOUS_GTIDS,
            EventType.STOP,
            EventType.ANNOTATE_ROWS,
            EventType.ROWS_QUERY);

    private final SourceCatalog catalog;
    private final Map<Long, EventBodies.TableMap> tables = new HashMap<>();
    private byte[] format;
    private String binlogFile = "";
    private String skipGtid = "";
    private TransactionBuilder open;

    /** @param catalog what the source master says about collation ids, and its flavour */
    public TransactionAssembler(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Feeds one event; calls {@code complete} with each transaction it closes.
     *
     * @throws LinkException when the events cannot be replicated faithfully
     */
    public void accept(RawEvent event, Consumer<SourceTransaction> complete) {
        EventType type = event.type();
        if (open != null && open.skipping && type != EventType.ROTATE && type != EventType.FORMAT_DESCRIPTION) {
            skipping(event, complete);
            return;
        }
        switch (type) {
            case ROTATE -> binlogFile = ((RotateEventData) event.data()).getBinlogFilename();
            case FORMAT_DESCRIPTION -> format = event.bytes();
            case MARIADB_GTID -> openMariaDb(event);
            case GTID -> openMySql(event);
            case QUERY -> query(event, complete);
            case TABLE_MAP -> tableMap(event);
            case XID -> close(event, complete);
            default -> other(event);
        }
    }

    /**
     * Reads the transaction {@code gtid} without judging it: an operator asked to skip it (it may hold what
     * made the link stop). It comes out whole, flagged {@link SourceTransaction#skippedByOperator()}.
     */
    public void skip(String gtid) {
        skipGtid = gtid;
    }

    /** In a skipped transaction: keep its row events (to count them), end it where it ends. */
    private void skipping(RawEvent event, Consumer<SourceTransaction> complete) {
        switch (event.type()) {
            case TABLE_MAP -> tableMap(event);
            case XID, XA_PREPARE -> close(event, complete);
            case QUERY -> {
                EventBodies.Query query = (EventBodies.Query) event.data();
                StatementKind kind =
                        StatementKind.of(StatementText.decode(query, catalog).text());
                if (kind == StatementKind.BEGIN) {
                    open.rowTransaction = true;
                } else if (!open.rowTransaction || kind == StatementKind.COMMIT || kind == StatementKind.ROLLBACK) {
                    close(event, complete);
                }
            }
            default -> {
                if (EventBodies.ROW_EVENT_TYPES.contains(event.type())
                        && tables.containsKey(((EventBodies.RowsHeader) event.data()).tableId())) {
                    rows(event);
                }
            }
        }
    }

    /** Whether a transaction is open (its events were read but not its commit). */
    public boolean inTransaction() {
        return open != null;
    }

    private void other(RawEvent event) {
        EventType type = event.type();
        if (EventBodies.ROW_EVENT_TYPES.contains(type)) {
            rows(event);
        } else if (type == EventType.XA_PREPARE) {
            throw unsupported("a two-phase XA transaction (XA PREPARE)");
        } else if (STATEMENT_FORMAT_EVENTS.contains(type)) {
            throw statementLogged(type + " event (used only by statement-based logging)");
        } else if (!CONTROL_EVENTS.contains(type)) {
            throw unsupported("binlog event type " + event.typeCode() + " (" + type + ")"
                    + (type == EventType.INCIDENT ? ": the source reported an incident (lost events)" : "")
                    + " is not something a link can replay"
                    + (event.typeCode() >= 165 && event.typeCode() <= 171
                            ? "; it is a compressed MariaDB event: SET GLOBAL log_bin_compress=OFF at the source"
                            : ""));
        }
    }

    private void openMariaDb(RawEvent event) {
        MariadbGtidEventData data = (MariadbGtidEventData) event.data();
        Gtid gtid = Gtid.mariaDb(data.getDomainId(), event.serverId(), data.getSequence());
        begin(gtid, event, (data.getFlags() & FL_STANDALONE) != 0);
        // A two-phase XA transaction stops the link at its XA END or XA PREPARE, once its shard is known.
        open.rowTransaction |= (data.getFlags() & (FL_PREPARED_XA | FL_COMPLETED_XA)) != 0;
    }

    private void openMySql(RawEvent event) {
        GtidEventData data = (GtidEventData) event.data();
        begin(Gtid.parse(data.getMySqlGtid().toString()), event, true);
    }

    private void begin(Gtid gtid, RawEvent event, boolean standalone) {
        if (open != null) {
            throw unsupported("a GTID event inside an open transaction");
        }
        if (format == null) {
            throw new LinkException(
                    Code.UNSUPPORTED_EVENT,
                    "transaction " + gtid + " arrived before the source's format description event;"
                            + " the link restarts its read",
                    gtid.toString(),
                    "",
                    null);
        }
        tables.clear();
        open = new TransactionBuilder(gtid, event.serverId(), format, event.timestampMillis(), !standalone);
        open.skipping = gtid.toString().equals(skipGtid);
    }

    private void query(RawEvent event, Consumer<SourceTransaction> complete) {
        EventBodies.Query query = (EventBodies.Query) event.data();
        StatementText decoded = StatementText.decode(query, catalog);
        StatementKind kind = StatementKind.of(decoded.text());
        if (open == null) {
            throw unsupported("statement outside a GTID transaction: " + StatementText.firstWords(decoded.text()));
        }
        switch (kind) {
            case BEGIN -> open.rowTransaction = true;
            case COMMIT -> close(event, complete);
            case ROLLBACK -> rollback(event, complete);
            case SAVEPOINT -> savepoint(query, decoded, event);
            case DDL -> ddl(query, decoded, event, complete);
            case DML -> {
                open.schemas.addAll(StatementSchemas.of(decoded.text(), query.database()));
                throw statementLogged("statement " + StatementText.firstWords(decoded.text()));
            }
            case XA -> throw unsupported("an XA transaction (" + StatementText.excerpt(decoded.text()) + ")");
            case DUMMY ->
                throw unsupported("the source replaced an event this reader does not understand ("
                        + StatementText.excerpt(decoded.text()) + ")");
            case UNKNOWN ->
                throw unsupported(
                        "statement " + StatementText.firstWords(decoded.text()) + " (not DDL, not a savepoint)");
        }
    }

    private void rollback(RawEvent event, Consumer<SourceTransaction> complete) {
        if (!open.steps.isEmpty()) {
            throw unsupported("a transaction that ended in ROLLBACK with logged changes (non-transactional"
                    + " tables under statement logging)");
        }
        close(event, complete);
    }

    private void savepoint(EventBodies.Query query, StatementText decoded, RawEvent event) {
        if (!open.rowTransaction) {
            throw unsupported("savepoint outside a transaction: " + StatementText.excerpt(decoded.text()));
        }
        open.steps.add(statement(query, StatementKind.SAVEPOINT, decoded, event));
    }

    private void ddl(
            EventBodies.Query query, StatementText decoded, RawEvent event, Consumer<SourceTransaction> complete) {
        if (query.context().unknownStatusCode() != 0) {
            throw unsupported("statement " + StatementText.excerpt(decoded.text()) + " carries session status"
                    + " variable " + query.context().unknownStatusCode() + ", which this reader does not know: it"
                    + " cannot replay the statement in its session's context");
        }
        if (query.context().twoPhaseAlter()) {
            throw unsupported("an ALTER logged in two phases (binlog_alter_two_phase=ON at the source; SET GLOBAL"
                    + " binlog_alter_two_phase=OFF, and no session may set it)");
        }
        if (query.errorCode() != 0) {
            throw unsupported("statement " + StatementText.excerpt(decoded.text()) + " logged with error "
                    + query.errorCode() + " at the source (partly done)");
        }
        open.steps.add(statement(query, StatementKind.DDL, decoded, event));
        open.schemas.addAll(StatementSchemas.of(decoded.text(), query.database()));
        if (!open.rowTransaction) {
            close(event, complete);
        }
    }

    private TxStep.Statement statement(
            EventBodies.Query query, StatementKind kind, StatementText decoded, RawEvent event) {
        List<String> context = kind == StatementKind.DDL
                ? query.context()
                        .statements(
                                catalog.isMariaDb(), catalog::collation, decoded.utf8(), event.timestampMillis() / 1000)
                : List.of();
        return new TxStep.Statement(query, kind, decoded.text(), context);
    }

    private void tableMap(RawEvent event) {
        EventBodies.TableMap map = (EventBodies.TableMap) event.data();
        if (open == null) {
            throw unsupported("table map of " + map.qualifiedName() + " outside a transaction");
        }
        tables.put(map.tableId(), map);
        open.schemas.add(map.schema());
        open.columns.put(map.qualifiedName(), map.columns());
        open.touchesPositions |= "shardhome".equals(map.schema()) && "link_position".equals(map.table());
        open.rows().add(event.bytes());
    }

    private void rows(RawEvent event) {
        EventBodies.RowsHeader header = (EventBodies.RowsHeader) event.data();
        EventBodies.TableMap map = tables.get(header.tableId());
        if (open == null || map == null) {
            throw unsupported("row event for table id " + header.tableId() + " without its table map");
        }
        open.rowEvents.merge(map.qualifiedName(), 1, Integer::sum);
        open.rows().add(event.bytes());
    }

    private void close(RawEvent event, Consumer<SourceTransaction> complete) {
        if (open == null) {
            throw unsupported("a commit outside a transaction");
        }
        TransactionBuilder done = open;
        open = null;
        complete.accept(new SourceTransaction(
                done.gtid,
                done.serverId,
                done.format,
                new BinlogPosition(binlogFile, event.nextPosition()),
                done.commitMillis,
                done.schemas,
                done.rowEvents,
                done.columns,
                done.steps,
                done.touchesPositions,
                done.skipping));
        if (done.skipping) {
            skipGtid = "";
        }
    }

    private LinkException statementLogged(String what) {
        return failure(
                Code.STATEMENT_LOGGED,
                what + " was logged as a statement, not as rows: a link replays row events only. Set"
                        + " binlog_format=ROW at the source (SET GLOBAL binlog_format=ROW and binlog_format=ROW in my.cnf;"
                        + " sessions that set binlog_format themselves must stop), then re-seed the shard's copy or skip"
                        + " the transaction");
    }

    private LinkException unsupported(String what) {
        return failure(Code.UNSUPPORTED_EVENT, what + " cannot be replicated by a link; nothing of it was applied");
    }

    private LinkException failure(Code code, String message) {
        TransactionBuilder tx = open;
        open = null;
        if (tx == null) {
            return new LinkException(code, message);
        }
        tx.close();
        String tables = String.join(",", tx.rowEvents.keySet());
        return new LinkException(
                code,
                "transaction " + tx.gtid + " (schemas " + tx.schemas + (tables.isEmpty() ? "" : ", tables " + tables)
                        + "): " + message,
                tx.gtid.toString(),
                String.join(",", tx.schemas),
                null);
    }
}
