package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.source.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes row changes on one session, in order. Consecutive INSERTs into one table go out as one JDBC
 * batch (the driver rewrites them into a multi-row INSERT); UPDATE and DELETE run one by one and must
 * match exactly one row. Caches prepared statements. Not thread-safe.
 */
final class RowApplier {
    private static final Logger LOG = LoggerFactory.getLogger(RowApplier.class);
    private final Connection connection;
    private final String target;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement pendingBatch;
    private int pendingRows;

    RowApplier(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    void apply(List<RowChange> rows) throws SQLException {
        for (RowChange row : rows) {
            PreparedStatement s = statement(RowStatements.sql(row));
            if (s != pendingBatch) {
                flush();
            }
            bind(s, RowStatements.parameters(row));
            if (row.kind() == RowChange.Kind.INSERT) {
                s.addBatch();
                pendingBatch = s;
                pendingRows++;
            } else {
                requireOneRow(row, s.executeUpdate());
            }
        }
    }

    /** Sends a pending INSERT batch. */
    void flush() throws SQLException {
        if (pendingBatch == null) {
            return;
        }
        PreparedStatement batch = pendingBatch;
        pendingBatch = null;
        pendingRows = 0;
        batch.executeBatch();
    }

    /** Forgets a batch that will not be sent (the transaction rolls back). */
    void discard() {
        if (pendingBatch != null) {
            try {
                pendingBatch.clearBatch();
            } catch (SQLException e) {
                LOG.warn(
                        "clearing an unsent batch at {} failed ({}); the session is discarded anyway",
                        target,
                        e.toString());
            }
        }
        pendingBatch = null;
        pendingRows = 0;
    }

    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    private static void bind(PreparedStatement s, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
    }

    private void requireOneRow(RowChange row, int count) {
        if (count != 1) {
            throw new LinkException(
                    Code.DATA_DIVERGED,
                    row.kind() + " of " + row.table().qualifiedName() + " matched " + count + " rows at " + target
                            + " (key " + keyOf(row) + "); the copy has diverged from its home: re-copy the shard"
                            + " from its home, then resume the link");
        }
    }

    private static String keyOf(RowChange row) {
        return RowStatements.keyColumns(row.table()).stream()
                .map(i -> row.table().columns().get(i).name() + "=" + row.key().get(i))
                .toList()
                .toString();
    }
}
