package io.shardhome.service.consistency;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table into chunks of about {@code rowsPerChunk} rows in key order, at the home's snapshot: a
 * single integer key by value ranges over MIN..MAX (no scan; sparse keys make uneven chunks), any other key
 * by walking its index ({@code ORDER BY key LIMIT 1 OFFSET n}, as pt-table-checksum nibbles), a table
 * without key as one chunk. Stateless.
 */
public final class Chunker {
    private static final int MAX_CHUNKS = 200_000;

    private final int rowsPerChunk;

    public Chunker(int rowsPerChunk) {
        this.rowsPerChunk = rowsPerChunk;
    }

    public List<Chunk> chunks(Connection c, TableShape shape) throws SQLException {
        if (!shape.hasKey()) {
            return List.of(Chunk.WHOLE);
        }
        return shape.hasIntegerKey() ? byValue(c, shape) : byWalk(c, shape);
    }

    private List<Chunk> byValue(Connection c, TableShape shape) throws SQLException {
        String k = Sql.keyList(shape);
        BigInteger min;
        BigInteger max;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + shape.qualified())) {
            rs.next();
            if (rs.getString(1) == null) {
                return List.of(Chunk.WHOLE);
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        long rows = Math.max(1, estimatedRows(c, shape));
        BigInteger step = span.multiply(BigInteger.valueOf(rowsPerChunk))
                .divide(BigInteger.valueOf(rows))
                .max(BigInteger.valueOf(rowsPerChunk / 4 + 1))
                .max(span.divide(BigInteger.valueOf(MAX_CHUNKS)).add(BigInteger.ONE));
        List<List<Object>> boundaries = new ArrayList<>();
        for (BigInteger b = min.add(step); b.compareTo(max) <= 0; b = b.add(step)) {
            boundaries.add(List.of(b.toString()));
        }
        return Chunk.between(boundaries);
    }

    private List<Chunk> byWalk(Connection c, TableShape shape) throws SQLException {
        String k = Sql.keyList(shape);
        List<List<Object>> boundaries = new ArrayList<>();
        String first = "SELECT " + k + " FROM " + shape.qualified() + Sql.forceKey(shape) + " ORDER BY " + k
                + " LIMIT 1 OFFSET " + rowsPerChunk;
        String next = "SELECT " + k + " FROM " + shape.qualified() + Sql.forceKey(shape) + " WHERE "
                + Sql.where(shape, new Chunk(List.of(), null)) + " ORDER BY " + k
                + " LIMIT 1 OFFSET " + rowsPerChunk;
        List<Object> boundary = single(c, first, shape, null);
        while (boundary != null && boundaries.size() < MAX_CHUNKS) {
            boundaries.add(boundary);
            boundary = single(c, next, shape, boundary);
        }
        return Chunk.between(boundaries);
    }

    private static List<Object> single(Connection c, String sql, TableShape shape, List<Object> from)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (from != null) {
                Sql.bind(s, 1, new Chunk(from, null));
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Sql.key(rs, shape, 1) : null;
            }
        }
    }

    private static long estimatedRows(Connection c, TableShape shape) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, shape.schema());
            s.setString(2, shape.table());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
