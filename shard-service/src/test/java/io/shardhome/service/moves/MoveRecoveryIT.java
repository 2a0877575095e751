package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A move engine dies between two steps; a new engine's recovery finishes or undoes the move. */
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

    @ParameterizedTest(name = "crash before leaving {0} -> {1}")
    @CsvSource({
        "PREFLIGHT, ROLLED_BACK, nyc",
        "FENCING, ROLLED_BACK, nyc",
        "CATCHING_UP, DONE, sjc",
        "FLIPPING, DONE, sjc",
        "FLIPPED, DONE, sjc"
    })
    void recoveryAfterACrashLeavesTheShardWhollyAtOneHome(MovePhase crashed, MovePhase outcome, String home) {
        String shard = "c_" + crashed.name().toLowerCase(Locale.ROOT);
        sites.createShard(shard, "nyc", "sjc");
        String moveId = crashedMove(shard, crashed);

        try (MoveEngine next = sites.engine()) {
            assertThat(next.recover()).containsExactly(moveId);
            MoveRecord move = MoveEngineIT.awaitEnd(next, moveId);
            assertThat(move.phase()).as(move.reason()).isEqualTo(outcome);
            assertThat(move.outageMillis() >= 0)
                    .as("writes were fenced, so an outage is measured")
                    .isEqualTo(crashed != MovePhase.PREFLIGHT);
            if (outcome == MovePhase.DONE) {
                assertThat(move.steps().get(move.steps().size() - 1).note())
                        .as("the recovered move still knows which map version the links must see")
                        .isEqualTo("writes open at sjc; link sjc->nyc has seen map version " + move.flipMapVersion());
            }
        }
        ShardEntry entry = sites.entry(shard);
        assertThat(entry.home().value()).isEqualTo(home);
        assertThat(entry.isPlain()).isTrue();
        String copy = home.equals("nyc") ? "sjc" : "nyc";
        assertThat(MoveSites.appWrites(home, shard)).containsExactly("INSERT", "UPDATE", "DELETE");
        assertThat(MoveSites.appWrites(copy, shard)).isEmpty();
    }

    @Test
    void cancelledMoveOfACrashedEngineRollsBackOnRecoveryAndFreesTheShard() {
        sites.createShard("cancelled", "nyc", "sjc");
        String moveId = crashedMove("cancelled", MovePhase.CATCHING_UP);
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

    @Test
    void flippedMoveCannotBeCancelled() {
        sites.createShard("flipped", "nyc", "sjc");
        String moveId = crashedMove("flipped", MovePhase.FLIPPED);
        try (MoveEngine next = sites.engine()) {
            assertThatThrownBy(() -> next.cancel(moveId))
                    .isInstanceOfSatisfying(MoveException.class, e -> assertThat(e.code())
                            .isEqualTo(MoveException.Code.NOT_CANCELLABLE));
            next.recover();
            assertThat(MoveEngineIT.awaitEnd(next, moveId).phase()).isEqualTo(MovePhase.DONE);
        }
    }

    /** Starts a move of {@code shard} to sjc in an engine that dies before leaving {@code phase}. */
    private static String crashedMove(String shard, MovePhase phase) {
        try (MoveEngine doomed = sites.engine()) {
            doomed.crashBefore(p -> p == phase);
            String moveId = doomed.start(shard, "sjc");
            await().atMost(Duration.ofSeconds(60)).until(() -> !doomed.isRunning(moveId));
            assertThat(doomed.get(moveId).phase()).isEqualTo(phase);
            if (phase == MovePhase.FLIPPING) {
                assertThat(sites.entry(shard).home().value()).isEqualTo("sjc");
            } else if (phase == MovePhase.FENCING || phase == MovePhase.CATCHING_UP) {
                assertThat(sites.entry(shard).state()).isEqualTo(ShardState.FENCED);
            }
            return moveId;
        }
    }
}
