package io.shardhome.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.client.MapSource;
import io.shardhome.directory.client.FenceTracker;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.view.VersionSignal;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;

class MoveRetryTest {
    private static final RuntimeException DENIED = new BadSqlGrammarException(
            "insert", "INSERT INTO orders", new SQLSyntaxErrorException("INSERT command denied", "42000", 1142));
    private static final RuntimeException KILLED = new DataAccessResourceFailureException(
            "commit", new SQLNonTransientConnectionException("Connection was killed", "70100", 1927));

    /** A map held in memory that a test fences (pure: no I/O). */
    private static final class FencedMap implements MapSource {
        private volatile DirectorySnapshot snapshot =
                DirectorySnapshot.of(1, List.of(), List.of(ShardEntry.of("acme", "sjc", false)));
        private final FenceTracker fences = new FenceTracker(Duration.ofMinutes(1));
        private final VersionSignal signal = new VersionSignal(() -> snapshot.version());

        void fence() {
            DirectorySnapshot previous = snapshot;
            snapshot = DirectorySnapshot.of(
                    previous.version() + 1,
                    List.of(),
                    List.of(ShardEntry.of("acme", "sjc", false).withState(ShardState.FENCED, "nyc")));
            fences.observe(previous, snapshot);
            signal.published();
        }

        @Override
        public DirectorySnapshot snapshot() {
            return snapshot;
        }

        @Override
        public boolean awaitNewerThan(long version, Duration timeout) throws InterruptedException {
            return signal.awaitNewerThan(version, timeout);
        }

        @Override
        public OptionalLong lastFencedNanos(String shardId) {
            return fences.lastFencedNanos(shardId);
        }

        @Override
        public void awaitReady(Duration timeout) {}

        @Override
        public State state() {
            return State.CURRENT;
        }

        @Override
        public Optional<LinkHealth> link(String source, String target) {
            return Optional.empty();
        }

        @Override
        public String origin() {
            return "memory";
        }

        @Override
        public void close() {}
    }

    private final FencedMap map = new FencedMap();
    private final CommitWatch watch = new CommitWatch();
    private final AtomicInteger attempts = new AtomicInteger();

    private MoveRetry retry(Duration budget) {
        return new MoveRetry(() -> map, budget);
    }

    @Test
    void workInterruptedByAFenceTheMapShowsRunsAgainOnceItsTransactionRolledBack() throws Throwable {
        String result = retry(Duration.ofSeconds(5)).call("acme", false, () -> {
            watch.afterBegin(null, null);
            if (attempts.incrementAndGet() == 1) {
                map.fence();
                throw DENIED;
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void workWhoseCommitFailedIsNeverRunAgain() {
        assertThatThrownBy(() -> retry(Duration.ofSeconds(5)).call("acme", false, () -> {
                    watch.afterBegin(null, null);
                    attempts.incrementAndGet();
                    map.fence();
                    watch.beforeCommit(null);
                    watch.afterCommit(null, KILLED);
                    throw KILLED;
                }))
                .isSameAs(KILLED);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void workWhoseCommitStartedAndWasReportedAsARollbackIsNeverRunAgain() {
        // Spring's JDBC transaction manager turns a failed commit into a rollback: the commit may have happened
        assertThatThrownBy(() -> retry(Duration.ofSeconds(5)).call("acme", false, () -> {
                    watch.afterBegin(null, null);
                    attempts.incrementAndGet();
                    map.fence();
                    watch.beforeCommit(null);
                    watch.afterRollback(null, KILLED);
                    throw KILLED;
                }))
                .isSameAs(KILLED);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void workThatCommittedAnythingIsNeverRunAgainEvenIfItsLastTransactionRolledBack() {
        assertThatThrownBy(() -> retry(Duration.ofSeconds(5)).call("acme", false, () -> {
                    watch.afterBegin(null, null); // an inner REQUIRES_NEW transaction that commits
                    watch.beforeCommit(null);
                    watch.afterCommit(null, null);
                    watch.afterBegin(null, null); // the outer one, refused by the fence
                    attempts.incrementAndGet();
                    map.fence();
                    throw DENIED;
                }))
                .isSameAs(DENIED);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void workOutsideAKnownTransactionOrPastTheBudgetIsNotRunAgain() {
        assertThatThrownBy(() -> retry(Duration.ofSeconds(5)).call("acme", false, () -> {
                    attempts.incrementAndGet();
                    map.fence();
                    throw DENIED;
                }))
                .isSameAs(DENIED);
        assertThatThrownBy(() -> retry(Duration.ZERO).call("acme", false, () -> {
                    watch.afterBegin(null, null);
                    attempts.incrementAndGet();
                    throw DENIED;
                }))
                .isSameAs(DENIED);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalTheMapNeverExplainsWithAFenceIsTheApplicationsOwnErrorOnceTheBudgetIsSpent() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> retry(Duration.ofMillis(300)).call("acme", false, () -> {
                    watch.afterBegin(null, null);
                    attempts.incrementAndGet();
                    throw DENIED;
                }))
                .isSameAs(DENIED);
        assertThat(attempts).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void readOnlyWorkRunsAgainWhateverBecameOfItsTransaction() throws Throwable {
        long count = retry(Duration.ofSeconds(5)).call("acme", true, () -> {
            if (attempts.incrementAndGet() == 1) {
                map.fence();
                throw KILLED;
            }
            return 42L;
        });

        assertThat(count).isEqualTo(42L);
    }
}
