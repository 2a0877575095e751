package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Converts binlog cell values (read with {@code DATE_AND_TIME_AS_LONG_MICRO}, {@code
 * CHAR_AND_BINARY_AS_BYTE_ARRAY} and invalid dates as {@link Long#MIN_VALUE}) into values a JDBC driver
 * binds faithfully: unsigned integers widened, text decoded with its column charset, temporal values as
 * exact text (drivers that take MariaDB for "MySQL 5.5" drop fractional seconds of temporal objects),
 * BIT as big-endian bytes, MySQL JSON as text. Pure and thread-safe.
 */
public final class ValueDecoder {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long GREGORIAN_CUTOVER_MILLIS =
            new GregorianCalendar().getGregorianChange().getTime();

    private ValueDecoder() {}

    /** The JDBC-bindable value of one cell of {@code column}; null stays null. */
    public static Object decode(ColumnShape column, Serializable raw) {
        if (raw == null) {
            return null;
        }
        ColumnType type = ColumnType.byCode(column.type());
        if (type == null) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "column " + column.name() + " has unknown binlog type " + column.type()
                            + "; upgrade shardhome to a version that knows it");
        }
        return switch (type) {
            case TINY -> unsigned(column, (Integer) raw, 8);
            case SHORT -> unsigned(column, (Integer) raw, 16);
            case INT24 -> unsigned(column, (Integer) raw, 24);
            case LONG -> unsigned(column, (Integer) raw, 32);
            case LONGLONG -> unsignedLong(column, (Long) raw);
            case YEAR -> year((Integer) raw);
            case DATE -> date((Long) raw);
            case TIME, TIME_V2 -> raw instanceof String text ? text : time((Long) raw);
            case DATETIME, DATETIME_V2, TIMESTAMP, TIMESTAMP_V2 -> dateTime((Long) raw);
            case BIT -> bits((BitSet) raw);
            case JSON -> json((byte[]) raw);
            case STRING, VARCHAR, VAR_STRING, BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB -> text(column, raw);
            default -> raw;
        };
    }

    private static Object unsigned(ColumnShape column, Integer value, int bits) {
        if (column.unsigned() && value < 0) {
            return value + (1L << bits);
        }
        return value;
    }

    private static Object unsignedLong(ColumnShape column, Long value) {
        if (column.unsigned() && value < 0) {
            return BigInteger.valueOf(value).add(TWO_TO_64);
        }
        return value;
    }

    /** The library reads YEAR as 1900 + byte, so the zero year 0000 arrives as 1900 (outside YEAR's range). */
    private static Object year(Integer value) {
        return value == 1900 ? 0 : value;
    }

    private static String date(Long micros) {
        if (micros == Long.MIN_VALUE) {
            return "0000-00-00";
        }
        return utc(micros).toLocalDate().toString();
    }

    private static String time(Long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        long fraction = Math.floorMod(micros, MICROS_PER_SECOND);
        return String.format("%02d:%02d:%02d.%06d", seconds / 3600, seconds / 60 % 60, seconds % 60, fraction);
    }

    private static String dateTime(Long micros) {
        if (micros == Long.MIN_VALUE || micros == 0) {
            return "0000-00-00 00:00:00";
        }
        LocalDateTime t = utc(micros);
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d.%06d",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1000);
    }

    /**
     * The library turns fields into epoch time with the proleptic Gregorian calendar from 1582-10-15 on
     * and with {@link GregorianCalendar} (Julian before the cutover) for older dates; read them back the
     * same way so that the fields (which is all MySQL stores) come out unchanged.
     */
    private static LocalDateTime utc(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        if (seconds * 1000 >= GREGORIAN_CUTOVER_MILLIS) {
            return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        }
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("GMT"));
        calendar.setTimeInMillis(seconds * 1000);
        return LocalDateTime.of(
                calendar.get(Calendar.YEAR),
                calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH),
                calendar.get(Calendar.HOUR_OF_DAY),
                calendar.get(Calendar.MINUTE),
                calendar.get(Calendar.SECOND),
                nanos);
    }

    /** Big-endian bytes, as MySQL reads a binary string assigned to a BIT column. */
    private static byte[] bits(BitSet bits) {
        byte[] littleEndian = bits.toByteArray();
        int length = Math.max(1, littleEndian.length);
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[length - 1 - i] = littleEndian[i];
        }
        return bigEndian;
    }

    private static String json(byte[] binary) {
        try {
            return JsonBinary.parseAsString(binary);
        } catch (IOException e) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "a JSON value could not be read from the binlog: " + e.getMessage()
                            + "; report the source server version",
                    e);
        }
    }

    private static Object text(ColumnShape column, Serializable raw) {
        if (!(raw instanceof byte[] bytes) || !column.isText()) {
            return raw;
        }
        return new String(bytes, Charset.forName(column.charset()));
    }
}
