package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinlogStatementsTest {
    @Test
    void encodesConcatenatedEventsAsOneStatement() {
        String sql = BinlogStatements.of(List.of(new byte[] {1, 2}, new byte[] {3}));

        assertThat(sql).isEqualTo("BINLOG '" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "'");
    }

    @Test
    void splitsAnEventTooLargeForOneStatementIntoTwoFragments() {
        byte[] big = new byte[3000];
        List<String> sql = BinlogStatements.fragmented(List.of(big), 3000);

        assertThat(sql).hasSize(3);
        assertThat(sql.get(0)).startsWith("SET @binlog_fragment_0='");
        assertThat(sql.get(1)).startsWith("SET @binlog_fragment_1='");
        assertThat(sql.get(2)).isEqualTo("BINLOG @binlog_fragment_0, @binlog_fragment_1");
        String joined = sql.get(0).substring(24, sql.get(0).length() - 1)
                + sql.get(1).substring(24, sql.get(1).length() - 1);
        assertThat(Base64.getDecoder().decode(joined)).isEqualTo(big);
    }

    @Test
    void refusesAnEventThatTwoFragmentsCannotCarry() {
        assertThatThrownBy(() -> BinlogStatements.fragmented(List.of(new byte[30_000]), 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_allowed_packet=1000");
    }

    @Test
    void batchesStayBelowThePacketLimitOnceEncoded() {
        long max = BinlogStatements.maxBatchBytes(16L << 20);

        assertThat(BinlogStatements.encodedLength(max) + 64).isLessThanOrEqualTo(16L << 20);
    }
}
