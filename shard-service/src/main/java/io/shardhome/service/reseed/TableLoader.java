package io.shardhome.service.reseed;

import com.mysql.cj.jdbc.JdbcStatement;
import io.shardhome.service.consistency.Sql;
import io.shardhome.service.consistency.TableShape;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;

/**
 * Copies one table from a home snapshot session to a copy session: a streaming SELECT in key order at the
 * home feeds one {@code LOAD DATA LOCAL INFILE} at the copy, in one transaction with unique and foreign key
 * checks off (InnoDB then bulk-loads the empty table). LOAD DATA LOCAL turns data errors into warnings, so any
 * warning fails the copy, naming the first ones: a value that does not fit is a loud error, never a silent
 * change. Stateless.
 */
final class TableLoader {
    private TableLoader() {}

    /** Loads {@code shape}'s rows; returns how many. The copy session runs with sql_log_bin=0. */
    static long copy(Connection home, Connection copy, TableShape shape, LongConsumer progress) throws SQLException {
        RowStream.Columns columns = RowStream.Columns.of(shape);
        boolean ordered = "PRIMARY".equals(shape.keyIndex());
        String select = "SELECT " + columns.select() + " FROM " + shape.qualified()
                + (ordered ? Sql.forceKey(shape) + " ORDER BY " + Sql.keyList(shape) : "");
        try (Statement read = home.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            read.setFetchSize(Integer.MIN_VALUE); // stream rows instead of buffering the table
            try (ResultSet rows = read.executeQuery(select);
                    Statement load = copy.createStatement()) {
                RowStream stream = new RowStream(rows, columns.fields(), progress);
                load.unwrap(JdbcStatement.class).setLocalInfileInputStream(stream);
                load.execute("START TRANSACTION");
                long loaded;
                try {
                    loaded = load.executeLargeUpdate("LOAD DATA LOCAL INFILE 'shardhome-reseed' INTO TABLE "
                            + shape.qualified() + " CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                            + " LINES TERMINATED BY '\\n' " + columns.load());
                    requireNoWarnings(load, shape);
                } catch (SQLException e) {
                    load.execute("ROLLBACK");
                    throw stream.failure() != null ? stream.failure() : e;
                }
                if (loaded != stream.rows()) {
                    load.execute("ROLLBACK");
                    throw new SQLException("loading " + shape.qualified() + " stored " + loaded + " of " + stream.rows()
                            + " rows read at the home");
                }
                load.execute("COMMIT");
                return loaded;
            }
        }
    }

    private static void requireNoWarnings(Statement load, TableShape shape) throws SQLException {
        StringBuilder first = new StringBuilder();
        try (ResultSet warnings = load.executeQuery("SHOW WARNINGS LIMIT 3")) {
            while (warnings.next()) {
                first.append(first.isEmpty() ? "" : "; ")
                        .append(warnings.getString(1))
                        .append(' ')
                        .append(warnings.getString(2))
                        .append(": ")
                        .append(warnings.getString(3));
            }
        }
        if (!first.isEmpty()) {
            throw new SQLException("loading " + shape.qualified() + " at the copy gave warnings (" + first
                    + "): a value did not arrive exactly; the tables' definitions or the servers' settings differ");
        }
    }
}
