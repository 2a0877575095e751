package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowDeserializersTest {
    /** TIME2 as MySQL stores it: (hour<<12 | minute<<6 | second) << 24 | micros, offset by 0x800000000000. */
    private static byte[] time2Fsp6(boolean negative, int h, int m, int s, int micros) {
        long packed = ((long) ((h << 12) | (m << 6) | s) << 24) + micros;
        long stored = (negative ? -packed : packed) + 0x800000000000L;
        byte[] bytes = new byte[6];
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) stored;
            stored >>= 8;
        }
        return bytes;
    }

    @ParameterizedTest
    @CsvSource({
        "false, 838, 59, 59, 1, 838:59:59.000001",
        "true, 1, 2, 3, 500000, -01:02:03.500000",
        "false, 0, 0, 0, 0, 00:00:00.000000",
        "true, 0, 0, 0, 1, -00:00:00.000001"
    })
    void timeWithFractionKeepsItsSign(boolean negative, int h, int m, int s, int micros, String expected)
            throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(time2Fsp6(negative, h, m, s, micros));
        assertThat(RowDeserializers.time2(6, in)).isEqualTo(expected);
    }
}
