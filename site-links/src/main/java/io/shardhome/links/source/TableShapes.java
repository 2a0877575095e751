package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builds {@link TableShape}s from table-map events carrying full row metadata: names, primary key,
 * signedness (a bit per numeric column only) and charsets (per character column only). Pure.
 */
public final class TableShapes {
    private TableShapes() {}

    /**
     * @param charsetOfCollation the MySQL character set name of a collation id (from the source)
     * @throws LinkException {@code EVENT_UNREADABLE} when the event lacks row metadata
     */
    public static TableShape of(TableMapEventData map, IntFunction<String> charsetOfCollation) {
        TableMapEventMetadata meta = map.getEventMetadata();
        if (meta == null
                || meta.getColumnNames() == null
                || meta.getColumnNames().isEmpty()) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "table map of " + map.getDatabase() + "." + map.getTable() + " has no column names; "
                            + "set binlog_row_metadata=FULL on the source master (MariaDB 10.5+, MySQL 8.0.1+)");
        }
        byte[] types = map.getColumnTypes();
        int[] metadata = map.getColumnMetadata();
        BitSet signedness = meta.getSignedness() == null ? new BitSet() : meta.getSignedness();
        List<ColumnShape> columns = new ArrayList<>(types.length);
        int numeric = 0;
        int character = 0;
        for (int i = 0; i < types.length; i++) {
            int type = realType(types[i] & 0xFF, metadata[i]);
            boolean unsigned = false;
            if (isNumeric(type)) {
                unsigned = signedness.get(numeric++);
            }
            String charset = null;
            if (isCharacter(type)) {
                Integer collation = collationOf(meta, character++);
                String mysqlCharset = collation == null ? Charsets.BINARY : charsetOfCollation.apply(collation);
                charset = Charsets.javaName(mysqlCharset);
            }
            columns.add(new ColumnShape(meta.getColumnNames().get(i), type, unsigned, charset));
        }
        List<Integer> pk = meta.getSimplePrimaryKeys() != null
                ? meta.getSimplePrimaryKeys()
                : primaryKeyWithPrefix(meta.getPrimaryKeysWithPrefix());
        return new TableShape(map.getDatabase(), map.getTable(), columns, pk);
    }

    private static List<Integer> primaryKeyWithPrefix(Map<Integer, Integer> withPrefix) {
        return withPrefix == null ? List.of() : List.copyOf(withPrefix.keySet());
    }

    /** CHAR, ENUM and SET all log as STRING; the real type hides in the metadata (as the library does). */
    static int realType(int type, int meta) {
        if (type == ColumnType.STRING.getCode() && meta >= 256) {
            int meta0 = meta >> 8;
            if ((meta0 & 0x30) != 0x30) {
                return meta0 | 0x30;
            }
            if (meta0 == ColumnType.ENUM.getCode() || meta0 == ColumnType.SET.getCode()) {
                return meta0;
            }
        }
        return type;
    }

    static boolean isNumeric(int type) {
        return type == ColumnType.TINY.getCode()
                || type == ColumnType.SHORT.getCode()
                || type == ColumnType.INT24.getCode()
                || type == ColumnType.LONG.getCode()
                || type == ColumnType.LONGLONG.getCode()
                || type == ColumnType.NEWDECIMAL.getCode()
                || type == ColumnType.FLOAT.getCode()
                || type == ColumnType.DOUBLE.getCode();
    }

    static boolean isCharacter(int type) {
        return type == ColumnType.STRING.getCode()
                || type == ColumnType.VAR_STRING.getCode()
                || type == ColumnType.VARCHAR.getCode()
                || type == ColumnType.BLOB.getCode()
                || type == ColumnType.TINY_BLOB.getCode()
                || type == ColumnType.MEDIUM_BLOB.getCode()
                || type == ColumnType.LONG_BLOB.getCode();
    }

    private static Integer collationOf(TableMapEventMetadata meta, int characterIndex) {
        List<Integer> perColumn = meta.getColumnCharsets();
        if (perColumn != null && !perColumn.isEmpty()) {
            return characterIndex < perColumn.size() ? perColumn.get(characterIndex) : null;
        }
        DefaultCharset defaults = meta.getDefaultCharset();
        if (defaults == null) {
            return null;
        }
        Map<Integer, Integer> exceptions = defaults.getCharsetCollations();
        Integer exception = exceptions == null ? null : exceptions.get(characterIndex);
        return exception != null ? exception : defaults.getDefaultCharsetCollation();
    }
}
