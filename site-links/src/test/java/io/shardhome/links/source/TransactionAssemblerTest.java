package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import io.shardhome.links.LinkException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assembler's state machine on synthetic MariaDB events (the bytes stand in for raw events). */
class TransactionAssemblerTest {
    private static final long SOURCE = 1;
    private final List<SourceTransaction> done = new ArrayList<>();
    private final TransactionAssembler assembler = new TransactionAssembler(new SourceCatalog() {
        @Override
        public boolean isMariaDb() {
            return true;
        }

        @Override
        public String[] collation(int id) {
            return new String[] {"utf8mb4", "utf8mb4_general_ci"};
        }
    });
    private long sequence;

    @BeforeEach
    void formatAndFile() {
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename("mysql-bin.000007");
        feed(EventType.ROTATE, rotate);
        feed(EventType.FORMAT_DESCRIPTION, null);
    }

    private void feed(EventType type, EventData data) {
        assembler.accept(
                new RawEvent(type.ordinal(), type, SOURCE, 1_000, 4242, new byte[] {(byte) type.ordinal()}, data),
                done::add);
    }

    private void gtid(boolean standalone) {
        MariadbGtidEventData data = new MariadbGtidEventData();
        data.setDomainId(1);
        data.setSequence(++sequence);
        data.setFlags(standalone ? 1 : 0);
        feed(EventType.MARIADB_GTID, data);
    }

    private void query(String sql) {
        feed(
                EventType.QUERY,
                new EventBodies.Query("acme", sql.getBytes(StandardCharsets.UTF_8), SessionContext.NONE, 0));
    }

    private void rows(String table) {
        feed(EventType.TABLE_MAP, new EventBodies.TableMap(70, table.split("\\.")[0], table.split("\\.")[1], 2));
        feed(EventType.WRITE_ROWS, new EventBodies.RowsHeader(70, EventBodies.STMT_END_F));
    }

    private void xid() {
        feed(EventType.XID, new XidEventData());
    }

    @Test
    void aRowTransactionKeepsItsEventsTablesAndColumnCounts() {
        gtid(false);
        rows("acme.t");
        rows("acme.u");
        xid();

        SourceTransaction tx = done.get(0);
        assertThat(tx.gtid()).hasToString("1-1-1");
        assertThat(tx.schemas()).containsExactly("acme");
        assertThat(tx.rowEvents()).containsEntry("acme.t", 1).containsEntry("acme.u", 1);
        assertThat(tx.columns()).containsEntry("acme.t", 2L);
        assertThat(tx.steps()).hasSize(1);
        assertThat(((TxStep.Rows) tx.steps().get(0)).events().count()).isEqualTo(4);
        assertThat(tx.endPosition()).hasToString("mysql-bin.000007:4242");
        assertThat(tx.isDdl()).isFalse();
    }

    @Test
    void savepointsStayInPlaceBetweenRowEvents() {
        gtid(false);
        rows("acme.sp");
        query("SAVEPOINT `s1`");
        rows("acme.sp");
        query("ROLLBACK TO `s1`");
        xid();

        List<TxStep> steps = done.get(0).steps();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(1)).isInstanceOfSatisfying(TxStep.Statement.class, s -> assertThat(s.kind())
                .isEqualTo(StatementKind.SAVEPOINT));
        assertThat(done.get(0).isDdl()).isFalse();
    }

    @Test
    void aStandaloneDdlIsOneStatementWithItsSchemas() {
        gtid(true);
        query("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` VIEW `v` AS select 1");

        SourceTransaction tx = done.get(0);
        assertThat(tx.isDdl()).isTrue();
        assertThat(tx.schemas()).containsExactly("acme");
    }

    @Test
    void createTableSelectKeepsItsDefinitionBeforeItsRows() {
        gtid(false);
        query("CREATE TABLE `ctas` (`id` int(11) NOT NULL)");
        rows("acme.ctas");
        xid();

        SourceTransaction tx = done.get(0);
        assertThat(tx.isDdl()).isTrue();
        assertThat(tx.steps().get(0)).isInstanceOf(TxStep.Statement.class);
        assertThat(tx.steps().get(1)).isInstanceOf(TxStep.Rows.class);
    }

    @Test
    void firstStatementLoggedDmlIsStatementLoggedWithoutItsValues() {
        gtid(false);

        assertThatThrownBy(() -> query("insert into acme.s values (60,'secret')"))
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkException.Code.STATEMENT_LOGGED);
                    assertThat(e.gtid()).isEqualTo("1-1-1");
                    assertThat(e.getMessage()).contains("binlog_format=ROW", "'insert into acme.s ...'");
                    assertThat(e.getMessage()).doesNotContain("secret", "60");
                });
        assertThat(assembler.inTransaction()).isFalse();
    }

    @Test
    void twoPhaseXaTransactionsStopTheLinkNamingTheirShard() {
        MariadbGtidEventData data = new MariadbGtidEventData();
        data.setDomainId(1);
        data.setSequence(9);
        data.setFlags(64);
        feed(EventType.MARIADB_GTID, data);
        rows("acme.t");

        assertThatThrownBy(() -> query("XA END X'7470',X'',1")).isInstanceOfSatisfying(LinkException.class, e -> {
            assertThat(e.getMessage()).contains("XA");
            assertThat(e.shard()).isEqualTo("acme");
        });
    }

    @Test
    void unknownEventTypesStopTheLink() {
        gtid(false);

        assertThatThrownBy(() -> feed(EventType.INCIDENT, null))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.getMessage()).contains("incident"));
    }

    @Test
    void aRolledBackGroupWithChangesStops() {
        gtid(false);
        rows("acme.t");

        assertThatThrownBy(() -> query("ROLLBACK")).isInstanceOf(LinkException.class);
    }

    @Test
    void aSkippedTransactionIsReadWholeWithoutJudgingIt() {
        assembler.skip("1-1-1");
        gtid(false);
        query("insert into acme.s values (60,'x')");
        rows("acme.t");
        query("COMMIT");
        gtid(false);
        rows("acme.t");
        xid();

        assertThat(done).hasSize(2);
        assertThat(done.get(0).skippedByOperator()).isTrue();
        assertThat(done.get(0).rowEvents()).containsEntry("acme.t", 1);
        assertThat(done.get(1).skippedByOperator()).isFalse();
    }
}
