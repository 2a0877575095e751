package io.shardhome.service.reseed;

import io.shardhome.service.consistency.TableShape;
import io.shardhome.service.consistency.TableShape.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A home's rows as {@code LOAD DATA} reads them (tab between fields, newline after rows, backslash escapes,
 * {@code \N} for NULL), produced from a streaming result set while the copy's server reads it. Values are the
 * home's bytes unconverted (the result set is read with {@code character_set_results = NULL} and loaded with
 * {@code CHARACTER SET binary}). Single-threaded.
 */
final class RowStream extends InputStream {
    private static final int REPORT_EVERY = 10_000;

    private final ResultSet rows;
    private final int fields;
    private final LongConsumer progress;
    private static final int FILL_TO = 192 * 1024;
    private byte[] buffer = new byte[256 * 1024];
    private int length;
    private int at;
    private long count;
    private boolean done;
    private SQLException failure;

    RowStream(ResultSet rows, int fields, LongConsumer progress) {
        this.rows = rows;
        this.fields = fields;
        this.progress = progress;
    }

    /** The SELECT list and the LOAD DATA column list (with SET clauses) for a table, in one order. */
    record Columns(String select, String load, int fields) {
        static Columns of(TableShape shape) {
            StringBuilder select = new StringBuilder();
            StringBuilder targets = new StringBuilder();
            StringBuilder sets = new StringBuilder();
            int fields = 0;
            List<TableShape.Column> columns = shape.columns();
            for (int i = 0; i < columns.size(); i++) {
                String n =
                        io.shardhome.service.consistency.Sql.name(columns.get(i).name());
                String sep = i == 0 ? "" : ",";
                Kind kind = columns.get(i).kind();
                fields += kind == Kind.SPATIAL ? 2 : 1;
                if (kind == Kind.BIT) {
                    select.append(sep).append(n).append("+0");
                    targets.append(sep).append("@b").append(i);
                    sets.append(sets.isEmpty() ? "" : ",")
                            .append(n)
                            .append("=CAST(@b")
                            .append(i)
                            .append(" AS UNSIGNED)");
                } else if (kind == Kind.SPATIAL) {
                    select.append(sep)
                            .append("ST_AsWKB(")
                            .append(n)
                            .append("),ST_SRID(")
                            .append(n)
                            .append(')');
                    targets.append(sep).append("@g").append(i).append(",@s").append(i);
                    sets.append(sets.isEmpty() ? "" : ",")
                            .append(n)
                            .append("=ST_GeomFromWKB(@g")
                            .append(i)
                            .append(",@s")
                            .append(i)
                            .append(')');
                } else {
                    select.append(sep).append(n);
                    targets.append(sep).append(n);
                }
            }
            String load = "(" + targets + ")" + (sets.isEmpty() ? "" : " SET " + sets);
            return new Columns(select.toString(), load, fields);
        }
    }

    long rows() {
        return count;
    }

    /** The failure reading the home's rows, if that is why the stream ended early. */
    SQLException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int wanted) throws IOException {
        while (at == length) {
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(wanted, length - at);
        System.arraycopy(buffer, at, into, offset, n);
        at += n;
        return n;
    }

    private void fill() throws IOException {
        at = 0;
        length = 0;
        try {
            while (length < FILL_TO && rows.next()) {
                row();
            }
            if (length < FILL_TO) {
                done = true;
                progress.accept(count);
            }
        } catch (SQLException e) {
            failure = e;
            throw new IOException("reading the home's rows failed: " + e.getMessage(), e);
        }
    }

    private void row() throws SQLException {
        for (int i = 1; i <= fields; i++) {
            if (i > 1) {
                put((byte) '\t');
            }
            byte[] value = rows.getBytes(i);
            if (value == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                escaped(value);
            }
        }
        put((byte) '\n');
        if (++count % REPORT_EVERY == 0) {
            progress.accept(count);
        }
    }

    private void escaped(byte[] value) {
        for (byte b : value) {
            switch (b) {
                case '\\' -> {
                    put((byte) '\\');
                    put((byte) '\\');
                }
                case '\t' -> {
                    put((byte) '\\');
                    put((byte) 't');
                }
                case '\n' -> {
                    put((byte) '\\');
                    put((byte) 'n');
                }
                default -> put(b);
            }
        }
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a row larger than the buffer
        }
        buffer[length++] = b;
    }
}
