package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import java.io.Serializable;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ValueDecoderTest {
    private static ColumnShape column(ColumnType type, boolean unsigned, String charset) {
        return new ColumnShape("c", type.getCode(), unsigned, charset);
    }

    private static Object decode(ColumnType type, boolean unsigned, Serializable raw) {
        return ValueDecoder.decode(column(type, unsigned, null), raw);
    }

    @Test
    void unsignedIntegersAreWidenedFromTheirNegativeJavaForm() {
        assertThat(decode(ColumnType.TINY, true, -1)).isEqualTo(255L);
        assertThat(decode(ColumnType.SHORT, true, -1)).isEqualTo(65535L);
        assertThat(decode(ColumnType.INT24, true, -1)).isEqualTo(16777215L);
        assertThat(decode(ColumnType.LONG, true, -1)).isEqualTo(4294967295L);
        assertThat(decode(ColumnType.LONGLONG, true, -1L)).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void signedIntegersStayNegative() {
        assertThat(decode(ColumnType.TINY, false, -128)).isEqualTo(-128);
        assertThat(decode(ColumnType.LONGLONG, false, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void temporalValuesBecomeTextWithMicroseconds() {
        long micros = 1_700_000_000_123_456L;
        assertThat(decode(ColumnType.DATETIME_V2, false, micros)).isEqualTo("2023-11-14 22:13:20.123456");
        assertThat(decode(ColumnType.TIMESTAMP_V2, false, micros)).isEqualTo("2023-11-14 22:13:20.123456");
        assertThat(decode(ColumnType.DATE, false, 86_400_000_000L)).isEqualTo("1970-01-02");
        assertThat(decode(ColumnType.TIME_V2, false, (100 * 3600 + 61) * 1_000_000L + 5))
                .isEqualTo("100:01:01.000005");
    }

    @Test
    void datesBeforeTheGregorianCutoverKeepTheirFields() {
        java.util.Calendar julian = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"));
        julian.clear();
        julian.set(1000, java.util.Calendar.JANUARY, 1);
        long libraryMicros = julian.getTimeInMillis() * 1000 + 1; // how the library reads 1000-01-01
        assertThat(decode(ColumnType.DATETIME_V2, false, libraryMicros)).isEqualTo("1000-01-01 00:00:00.000001");
    }

    @Test
    void invalidAndZeroDatesStayZeroDates() {
        assertThat(decode(ColumnType.DATETIME_V2, false, Long.MIN_VALUE)).isEqualTo("0000-00-00 00:00:00");
        assertThat(decode(ColumnType.DATE, false, Long.MIN_VALUE)).isEqualTo("0000-00-00");
        assertThat(decode(ColumnType.YEAR, false, 1900)).isEqualTo(0);
    }

    @Test
    void textIsDecodedWithTheColumnCharsetAndBinaryStaysBytes() {
        byte[] latin1 = {(byte) 0xE9, (byte) 0x80};
        assertThat(ValueDecoder.decode(column(ColumnType.VARCHAR, false, "windows-1252"), latin1))
                .isEqualTo("é€");
        byte[] utf8 = "日本 🎉".getBytes(StandardCharsets.UTF_8);
        assertThat(ValueDecoder.decode(column(ColumnType.BLOB, false, "UTF-8"), utf8))
                .isEqualTo("日本 🎉");
        assertThat(ValueDecoder.decode(column(ColumnType.BLOB, false, null), utf8))
                .isEqualTo(utf8);
    }

    @Test
    void bitsBecomeBigEndianBytes() {
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(9);
        assertThat((byte[]) decode(ColumnType.BIT, false, bits)).containsExactly(0x02, 0x01);
        assertThat((byte[]) decode(ColumnType.BIT, false, new BitSet())).containsExactly(0x00);
    }

    @Test
    void nullStaysNull() {
        assertThat(decode(ColumnType.LONG, true, null)).isNull();
    }
}
