package io.shardhome.service.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Compares one table at a copy with its home, on two sessions that stand at the same point (the check's
 * snapshots): chunk checksums first (both sites at once), then, for a chunk that differs, its rows' keys
 * and hashes from both sites (as Vitess VDiff compares rows), which name the missing, extra and different
 * rows. One per worker; not thread-safe.
 */
final class TableComparer {
    private final Connection home;
    private final Connection copy;
    private final ExecutorService copySide;
    private final Chunker chunker;
    private final int keyLimit;

    TableComparer(Connection home, Connection copy, ExecutorService copySide, Chunker chunker, int keyLimit) {
        this.home = home;
        this.copy = copy;
        this.copySide = copySide;
        this.chunker = chunker;
        this.keyLimit = keyLimit;
    }

    /**
     * Compares rows of a table whose stored columns are the same at both sites: first the whole table with
     * {@code CHECKSUM TABLE} at both sites at once (the server's own row checksum, read in the snapshot; only
     * when the definitions are equal, as it depends on them), and only if that differs chunk by chunk.
     */
    TableDiff compare(TableShape shape, String status, String homeDefinition, String copyDefinition)
            throws SQLException {
        if (status.equals(TableDiff.SAME) && sameTableChecksum(shape)) {
            return new TableDiff(
                    shape.table(), TableDiff.SAME, estimatedRows(shape), 0, 0, null, null, null, "", "", "", "");
        }
        List<Chunk> chunks = chunker.chunks(home, shape);
        String hash = Sql.rowHash(shape);
        // Keyed rows never repeat, so XOR (integer arithmetic) loses nothing; without a key, equal rows may
        // repeat and would cancel out in pairs, so they are summed.
        String aggregate = shape.hasKey() ? "BIT_XOR(" + hash + ")" : "COALESCE(SUM(" + hash + "), 0)";
        String from = " FROM " + shape.qualified() + Sql.forceKey(shape) + " WHERE ";
        RowTally tally = new RowTally(keyLimit);
        long rows = 0;
        long differing = 0;
        for (Chunk chunk : chunks) {
            String sql = "SELECT COUNT(*), " + aggregate + from + Sql.where(shape, chunk);
            CompletableFuture<long[]> atCopy =
                    CompletableFuture.supplyAsync(() -> unchecked(() -> checksum(copy, sql, chunk)), copySide);
            long[] here = checksum(home, sql, chunk);
            long[] there = awaitCopy(atCopy);
            rows += here[0];
            if (here[0] != there[0] || here[1] != there[1]) {
                differing++;
                narrow(shape, hash, from, chunk, tally);
            }
        }
        boolean same = tally.isEmpty() && status.equals(TableDiff.SAME);
        return new TableDiff(
                shape.table(),
                same ? TableDiff.SAME : status.equals(TableDiff.SAME) ? TableDiff.DIFFERENT : status,
                rows,
                chunks.size(),
                differing,
                tally.missing(),
                tally.extra(),
                tally.different(),
                homeDefinition,
                copyDefinition,
                "",
                "");
    }

    private boolean sameTableChecksum(TableShape shape) throws SQLException {
        String sql = "CHECKSUM TABLE " + shape.qualified();
        CompletableFuture<String> atCopy =
                CompletableFuture.supplyAsync(() -> unchecked(() -> tableChecksum(copy, sql)), copySide);
        String here = tableChecksum(home, sql);
        String there = awaitCopy(atCopy);
        return here != null && here.equals(there);
    }

    private static String tableChecksum(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    /** The home's estimate of the table's rows (a table whose checksum matched is not counted). */
    private long estimatedRows(TableShape shape) throws SQLException {
        try (PreparedStatement s = home.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, shape.schema());
            s.setString(2, shape.table());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void narrow(TableShape shape, String hash, String from, Chunk chunk, RowTally tally) throws SQLException {
        if (!shape.hasKey()) {
            String sql = "SELECT " + hash + " h, COUNT(*)" + from + "TRUE GROUP BY h";
            Map<Long, Long> there =
                    awaitCopy(CompletableFuture.supplyAsync(() -> unchecked(() -> hashCounts(copy, sql)), copySide));
            tally.byHash(hashCounts(home, sql), there);
            return;
        }
        String sql = "SELECT " + Sql.keyList(shape) + ", " + hash + from + Sql.where(shape, chunk);
        CompletableFuture<Map<String, Long>> there =
                CompletableFuture.supplyAsync(() -> unchecked(() -> keyedHashes(copy, sql, shape, chunk)), copySide);
        Map<String, Long> here = keyedHashes(home, sql, shape, chunk);
        tally.byKey(here, awaitCopy(there));
    }

    private static <T> T awaitCopy(CompletableFuture<T> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SqlFailure f) {
                throw f.cause;
            }
            throw e;
        }
    }

    private static long[] checksum(Connection c, String sql, Chunk chunk) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, 1, chunk);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static Map<String, Long> keyedHashes(Connection c, String sql, TableShape shape, Chunk chunk)
            throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, 1, chunk);
            try (ResultSet rs = s.executeQuery()) {
                int hashColumn = shape.key().size() + 1;
                while (rs.next()) {
                    rows.put(Sql.display(Sql.key(rs, shape, 1)), rs.getLong(hashColumn));
                }
            }
        }
        return rows;
    }

    private static Map<Long, Long> hashCounts(Connection c, String sql) throws SQLException {
        Map<Long, Long> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return rows;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Carries an SQLException out of the copy side's thread. */
    private static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        SqlFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static <T> T unchecked(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
