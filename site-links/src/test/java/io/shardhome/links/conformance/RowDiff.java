package io.shardhome.links.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where two sites' rows of one table part: both are read in the same order ({@link TableRows}), side
 * by side, up to the first differing position, and a few rows from there on are reported from each site,
 * with both row counts. Memory stays bounded: only the rows around the first difference are kept.
 */
final class RowDiff {
    private static final int SHOWN = 3;
    private static final int VALUE_CHARS = 120;

    private RowDiff() {}

    /** A readable description of the first rows in which {@code home} and {@code copy} differ. */
    static String describe(Connection home, Connection copy, String schema, String table, boolean allVersions)
            throws SQLException {
        TableRows rows = TableRows.of(home, schema, table, allVersions);
        List<String> report = new ArrayList<>();
        try (Window window = new Window(rows, copy)) {
            long[] position = {0};
            rows.forEach(home, homeRow -> {
                List<String> copyRow = window.next();
                if (homeRow.equals(copyRow)) {
                    position[0]++;
                    return true;
                }
                report.add(firstDifference(rows, position[0], homeRow, copyRow, window));
                return false;
            });
            List<String> extra = report.isEmpty() ? window.next() : null;
            if (extra != null) {
                report.add(firstDifference(rows, position[0], null, extra, window));
            }
        }
        String from = " FROM " + Sql.quote(schema, table) + (allVersions ? " FOR SYSTEM_TIME ALL" : "");
        String counts = "  rows" + (allVersions ? " (all versions)" : "") + ": home "
                + Sql.column(home, "SELECT COUNT(*)" + from).get(0) + ", copy "
                + Sql.column(copy, "SELECT COUNT(*)" + from).get(0) + "; columns " + rows.columns();
        return counts + "\n"
                + (report.isEmpty()
                        ? "  every row reads the same at both sites: the difference lies below the text (e.g. float bits,"
                                + " trailing pad bytes)"
                        : report.get(0));
    }

    private static String firstDifference(
            TableRows rows, long position, List<String> homeRow, List<String> copyRow, Window window) {
        StringBuilder out = new StringBuilder("  first difference at row #" + (position + 1) + " (in " + rows.name()
                + " order):\n    home: " + render(homeRow) + "\n    copy: " + render(copyRow));
        for (int i = 1; i < SHOWN; i++) {
            List<String> next = window.next();
            if (next == null) {
                break;
            }
            out.append("\n    copy, next: ").append(render(next));
        }
        return out.toString();
    }

    private static String render(List<String> row) {
        if (row == null) {
            return "(no row)";
        }
        List<String> values = new ArrayList<>(row.size());
        for (String v : row) {
            values.add(v == null ? "NULL" : v.length() > VALUE_CHARS ? v.substring(0, VALUE_CHARS) + "..." : v);
        }
        return values.toString();
    }

    /** The copy's rows, read on a thread of their own so both sites stream at once. */
    private static final class Window implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<List<String>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(1024);
        private static final List<String> END = java.util.Collections.unmodifiableList(new ArrayList<>());
        private final Thread reader;
        private volatile boolean stop;
        private volatile SQLException failure;

        Window(TableRows rows, Connection copy) {
            reader = new Thread(
                    () -> {
                        try {
                            rows.forEach(copy, row -> put(row) && !stop);
                        } catch (SQLException e) {
                            failure = e;
                        } finally {
                            put(END);
                        }
                    },
                    "row-diff-copy");
            reader.setDaemon(true);
            reader.start();
        }

        private boolean put(List<String> row) {
            try {
                while (!stop) {
                    if (queue.offer(row, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The copy's next row, or null after its last. */
        List<String> next() {
            try {
                List<String> row = queue.take();
                if (row == END) {
                    queue.offer(END);
                    if (failure != null) {
                        throw new IllegalStateException("reading the copy's rows failed: " + failure, failure);
                    }
                    return null;
                }
                return row;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the copy's rows", e);
            }
        }

        @Override
        public void close() {
            stop = true;
            try {
                reader.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
