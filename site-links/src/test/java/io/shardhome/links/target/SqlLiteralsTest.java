package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlLiteralsTest {
    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of(null, "NULL"),
                Arguments.of(42, "42"),
                Arguments.of(-9_223_372_036_854_775_808L, "-9223372036854775808"),
                Arguments.of(new BigInteger("18446744073709551615"), "18446744073709551615"),
                Arguments.of(new BigDecimal("1E+3"), "1000"),
                Arguments.of(new BigDecimal("-0.50"), "-0.50"),
                Arguments.of(1.5d, "1.5"),
                Arguments.of(1e-10d, "1.0E-10"),
                Arguments.of(0.1f, "0.1"),
                Arguments.of("", "''"),
                Arguments.of("plain text, 2026-11-21 10:00:00.000001", "'plain text, 2026-11-21 10:00:00.000001'"),
                Arguments.of("naïve 😀", "'naïve 😀'"),
                Arguments.of("it's", "_utf8mb4 X'69742773'"),
                Arguments.of("a\\b", "_utf8mb4 X'615C62'"),
                Arguments.of("line\nbreak", "_utf8mb4 X'6C696E650A627265616B'"),
                Arguments.of("nul\0", "_utf8mb4 X'6E756C00'"),
                Arguments.of(new byte[] {0, 1, (byte) 0xFF}, "X'0001FF'"),
                Arguments.of(new byte[0], "X''"));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void valueIsWrittenAsALiteralThatReadsTheSameUnderEverySqlMode(Object value, String literal) {
        StringBuilder sql = new StringBuilder();

        assertThat(SqlLiterals.append(sql, value)).isTrue();
        assertThat(sql).hasToString(literal);
    }

    static Stream<Object> unwritable() {
        return Stream.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new Object(), true);
    }

    @ParameterizedTest
    @MethodSource("unwritable")
    void valueWithoutALiteralFormIsLeftForBindingAndWritesNothing(Object value) {
        StringBuilder sql = new StringBuilder("x");

        assertThat(SqlLiterals.append(sql, value)).isFalse();
        assertThat(sql).hasToString("x");
    }
}
