package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A move engine stops (closed) while a move waits in CATCHING_UP: the move stays recorded there, and the
 * next engine's recovery finishes it or, when cancelled meanwhile, rolls it back. The engine is stopped
 * while the link cannot apply (a row lock at the target), so the move is really waiting there. Killing the
 * process at every phase, PREFLIGHT to FLIPPED, is tested with real processes in {@code MoveCrashIT}
 * ({@code mvn verify -Pcrash}).
 */
@RequiresSiteMasters
class MoveRecoveryIT {
    private static MoveSites sites;

    @BeforeAll
    static void startSites() {
        sites = MoveSites.start();
    }

    @AfterAll
    static void stopSites() {
        sites.close();
    }

    @Test
    void moveStoppedWhileCatchingUpIsFinishedByTheNextEngine() throws SQLException {
        sites.createShard("stopped", "nyc", "sjc");
        String moveId = stoppedWhileCatchingUp("stopped");

        try (MoveEngine next = sites.engine()) {
            assertThat(next.recover()).containsExactly(moveId);
            MoveRecord move = MoveEngineIT.awaitEnd(next, moveId);
            assertThat(move.phase()).as(move.reason()).isEqualTo(MovePhase.DONE);
            assertThat(move.outageMillis()).isNotNegative();
            assertThat(move.steps().get(move.steps().size() - 1).note())
                    .as("the recovered move still knows which map version the links must see")
                    .isEqualTo("writes open at sjc; link sjc->nyc has seen map version " + move.flipMapVersion());
        }
        ShardEntry entry = sites.entry("stopped");
        assertThat(entry.home().value()).isEqualTo("sjc");
        assertThat(entry.isPlain()).isTrue();
        assertThat(MoveSites.appWrites("sjc", "stopped")).containsExactly("INSERT", "UPDATE", "DELETE");
        assertThat(MoveSites.appWrites("nyc", "stopped")).isEmpty();
    }

    @Test
    void cancelledMoveOfAStoppedEngineRollsBackOnRecoveryAndFreesTheShard() throws SQLException {
        sites.createShard("cancelled", "nyc", "sjc");
        String moveId = stoppedWhileCatchingUp("cancelled");
        try (MoveEngine next = sites.engine()) {
            assertThatThrownBy(() -> next.start("cancelled", "sjc"))
                    .isInstanceOfSatisfying(MoveException.class, e -> assertThat(e.code())
                            .isEqualTo(MoveException.Code.MOVE_IN_PROGRESS));
            assertThat(next.cancel(moveId).cancelRequested()).isTrue();
            next.recover();
            MoveRecord move = MoveEngineIT.awaitEnd(next, moveId);
            assertThat(move.phase()).isEqualTo(MovePhase.ROLLED_BACK);
            assertThat(move.reason()).contains("cancelled");
            assertThat(sites.entry("cancelled").isPlain()).isTrue();
            assertThat(MoveEngineIT.awaitEnd(next, next.start("cancelled", "sjc"))
                            .phase())
                    .isEqualTo(MovePhase.DONE);
        }
        assertThat(sites.entry("cancelled").home().value()).isEqualTo("sjc");
    }

    /**
     * Starts a move of {@code shard} to sjc while a row lock at sjc keeps the link from applying a write
     * made at nyc just before, and closes the engine once the move waits in CATCHING_UP.
     */
    private static String stoppedWhileCatchingUp(String shard) throws SQLException {
        MariaDbSite nyc = MoveSites.site("nyc");
        MariaDbSite sjc = MoveSites.site("sjc");
        nyc.execute("INSERT INTO " + shard + ".orders VALUES (1, 0, 'first')");
        await().atMost(Duration.ofSeconds(30)).until(() -> sjc.count(shard + ".orders") == 1);
        try (Connection lock = sjc.connect();
                Statement held = lock.createStatement()) {
            lock.setAutoCommit(false);
            held.execute("SELECT * FROM " + shard + ".orders WHERE id = 1 FOR UPDATE");
            nyc.execute("UPDATE " + shard + ".orders SET payload = 'before the move' WHERE id = 1");
            String moveId;
            try (MoveEngine stopped = sites.engine()) {
                moveId = stopped.start(shard, "sjc");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> stopped.get(moveId).phase() == MovePhase.CATCHING_UP);
            }
            assertThat(sites.entry(shard).state()).isEqualTo(ShardState.FENCED);
            lock.rollback();
            return moveId;
        }
    }
}
