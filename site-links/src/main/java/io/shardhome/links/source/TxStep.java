package io.shardhome.links.source;

import java.util.List;

/** One step of a source transaction, replayed in order at the target. */
public sealed interface TxStep {
    /** Table maps and row events, replayed byte for byte. */
    record Rows(EventBuffer events) implements TxStep {}

    /**
     * A statement: a savepoint operation (inside the transaction) or DDL (alone).
     *
     * @param query the event it came from (its default schema in particular)
     * @param text the statement decoded with its client character set
     * @param context the SET statements that give a session the source session's context for it
     */
    record Statement(EventBodies.Query query, StatementKind kind, String text, List<String> context) implements TxStep {
        public Statement {
            context = List.copyOf(context);
        }
    }
}
