package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.client.CrossShardException;
import io.shardhome.directory.client.ShardFencedException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

class MoveFailuresTest {
    private static final SQLException DENIED =
            new SQLSyntaxErrorException("INSERT command denied to user 'app'", "42000", 1142);
    private static final SQLException KILLED =
            new SQLNonTransientConnectionException("Connection was killed", "70100", 1927);
    private static final SQLException SOCKET = new SQLNonTransientConnectionException("Socket error", "08000", -1);

    @Test
    void revokedGrantsAndKilledSessionsAreWhatAFenceDoes() {
        assertThat(MoveFailures.interruptedByFence(new BadSqlGrammarException("insert", "INSERT ...", DENIED)))
                .isTrue();
        assertThat(MoveFailures.interruptedByFence(new DataAccessResourceFailureException("rollback", KILLED)))
                .isTrue();
        assertThat(MoveFailures.interruptedByFence(new DataAccessResourceFailureException("rollback", SOCKET)))
                .isTrue();
    }

    @Test
    void aCommitFailureAnOverlongFenceOrACrossShardTransactionIsNeverRunAgain() {
        assertThat(MoveFailures.interruptedByFence(new TransactionSystemException("commit failed", KILLED)))
                .isFalse();
        assertThat(MoveFailures.interruptedByFence(
                        new DataAccessResourceFailureException("x", new ShardFencedException("acme", 3))))
                .isFalse();
        assertThat(MoveFailures.interruptedByFence(new CrossShardException("acme", "beta")))
                .isFalse();
    }

    @Test
    void otherErrorsAreTheApplicationsOwn() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);

        assertThat(MoveFailures.interruptedByFence(duplicate)).isFalse();
        assertThat(MoveFailures.interruptedByFence(new IllegalStateException("bug")))
                .isFalse();
    }
}
