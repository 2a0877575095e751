package io.shardhome.service.grants;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.fence.Grantee;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkGrantsTest {
    private static final Grantee APP = Grantee.account("app", "%");

    @Test
    void writesOneRowPerSchemaAndAccountWithEscapedPatternsThenFlushes() {
        List<String> sql = BulkGrants.statements(
                        List.of("acme", "a_b"), List.of(APP), List.of("SELECT", "INSERT", "DELETE HISTORY"))
                .orElseThrow();

        assertThat(sql)
                .containsExactly(
                        "INSERT INTO mysql.db (Host, Db, User, select_priv, insert_priv, delete_history_priv) VALUES"
                                + " ('%', 'acme', 'app', 'Y', 'Y', 'Y'), ('%', 'a\\\\_b', 'app', 'Y', 'Y', 'Y')"
                                + " ON DUPLICATE KEY UPDATE select_priv='Y', insert_priv='Y', delete_history_priv='Y'",
                        "FLUSH PRIVILEGES");
    }

    @Test
    void splitsLargeBatchesAndQuotesNames() {
        List<String> schemas = IntStream.range(0, 2500).mapToObj(i -> "s" + i).toList();
        List<String> sql = BulkGrants.statements(schemas, List.of(Grantee.account("o'brien", "%")), List.of("SELECT"))
                .orElseThrow();
        assertThat(sql).hasSize(4);
        assertThat(sql.get(0)).contains("'o''brien'");
    }

    @Test
    void aPrivilegeWithoutADatabaseColumnFallsBackToGrantStatements() {
        assertThat(BulkGrants.statements(List.of("acme"), List.of(APP), List.of("SELECT", "FILE")))
                .isEmpty();
    }
}
