package io.shardhome.links.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FormatDescriptionEventTest {
    /** The format description event MariaDB 11.4.5 wrote at the head of a binlog (server_id 1). */
    private static final String WRITTEN_BY_MARIADB_11_4_5 =
            "feb50c6b0f01000000fc000000000100000100040031312e342e352d4d6172696144422d6c6f670000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000013380d000800120004040404120000e400041a080000000808"
                    + "08020000000a0a0a0000000000000a0a0a000000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "000000000000000000000000000000000000000000000000000000000000000000000000041304000d0808080a0a0a011b82"
                    + "bc6e";

    @Test
    void isByteForByteTheEventMariaDbWritesIncludingItsChecksum() {
        byte[] built = FormatDescriptionEvent.mariaDb("11.4.5-MariaDB-log", 0x6b0cb5feL, 1, 256, 1);

        assertThat(HexFormat.of().formatHex(built)).isEqualTo(WRITTEN_BY_MARIADB_11_4_5);
    }

    @Test
    void probeEventCarriesTheTargetsVersionAndDecodesAsAFormatDescription() {
        byte[] event = Base64.getDecoder().decode(FormatDescriptionEvent.mariaDbBase64("10.11.9-MariaDB"));

        assertThat(event[4]).isEqualTo((byte) FormatDescriptionEvent.EVENT_TYPE);
        assertThat(event).hasSize(252);
        assertThat(new String(event, 21, 15, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("10.11.9-MariaDB");
    }

    @Test
    void overlongVersionIsCutToTheFieldKeepingItsTerminatingZero() {
        byte[] event = FormatDescriptionEvent.mariaDb("x".repeat(80), 0, 0, 0, 0);

        assertThat(event).hasSize(252);
        assertThat(event[21 + 49]).isZero();
        assertThat(event[21 + 48]).isEqualTo((byte) 'x');
    }
}
