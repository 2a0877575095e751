package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.links.PublishedStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoveRulesTest {
    private static final long NOW = 1_000_000_000L;
    private static final MoveSettings SETTINGS = MoveSettings.defaults();

    @Test
    void aFirstMoveWaitsForTheLinkFromTheOldHomeUpToTheFence() {
        MoveRecord move = fenced("sjc", "nyc", "2-2-10");
        assertThat(CatchUpPlan.of(move, HomeHistory.NONE).waits())
                .containsExactly(new CatchUpPlan.Wait("sjc->nyc", GtidSet.parse("2-2-10")));
    }

    @Test
    void theNewHomeAlsoWaitsForEveryEarlierHomeAtAThirdSiteButNotForItselfNorLostEnds() {
        ShardDefinition acme = ShardDefinition.of("acme", "lon", false)
                .movedTo("nyc", GtidSet.parse("3-3-5"), GtidSet.parse("1-1-6"))
                .movedTo("tor", GtidSet.parse("1-1-9"), GtidSet.parse("4-4-1"))
                .movedTo("sjc", GtidSet.parse("4-4-2"), GtidSet.parse("2-2-7"));
        HomeHistory history = acme.history().withLostEnd(2); // tor died
        MoveRecord move = fenced("sjc", "lon", "2-2-10");
        assertThat(CatchUpPlan.of(move, history).waits())
                .containsExactly(
                        new CatchUpPlan.Wait("sjc->lon", GtidSet.parse("2-2-10")),
                        new CatchUpPlan.Wait("nyc->lon", GtidSet.parse("1-1-9")));
    }

    private static MoveRecord fenced(String from, String to, String position) {
        return MoveRecord.started("acme-1", "acme", from, to, NOW).withFencePosition(position);
    }

    @ParameterizedTest(name = "{0} lag={1}s age={2}ms -> ready {3}")
    @CsvSource({
        "ONLINE, 0, 0, true",
        "ONLINE, 5, 1000, true",
        "ONLINE, 6, 0, false",
        "OFFLINE, 0, 0, false",
        "OFFLINE:ERROR, 0, 0, false",
        "ONLINE, 0, 30001, false"
    })
    void linkIsReadyOnlyWhenOnlineFreshAndCaughtUp(String state, long lag, long age, boolean ready) {
        PublishedStatus status = new PublishedStatus(
                "sjc-nyc", state, "", "", "", lag, 0, 0, Map.of(), "", "", "", "", "", 1, NOW - age);
        assertThat(LinkReadiness.problem("sjc-nyc", status, SETTINGS, NOW).isEmpty())
                .isEqualTo(ready);
    }

    @Test
    void missingLinkStatusIsNotReadyAndSaysToStartTheLink() {
        assertThat(LinkReadiness.problem("sjc->nyc", null, SETTINGS, NOW))
                .hasValueSatisfying(p -> assertThat(p).contains("sjc->nyc").contains("start the link"));
    }

    @Test
    void offlineErrorLinkNamesItsPendingError() {
        PublishedStatus status = new PublishedStatus(
                "l", "OFFLINE:ERROR", "", "", "", 0, 0, 0, Map.of(), "RULE_REJECTED", "", "", "boom", "", 1, NOW);
        assertThat(LinkReadiness.problem("l", status, SETTINGS, NOW))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("RULE_REJECTED: boom").contains("ONLINE"));
    }

    @Test
    void backoffDoublesUpToItsMaximumAndStartsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next()))
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350), Duration.ofMillis(350));
        assertThat(backoff.attempts()).isEqualTo(4);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void cancelIsAcceptedWhereRollingBackIsSafeAndFailuresRollBackOnlyBeforeTheFlip() {
        assertThat(Arrays.stream(MovePhase.values()).filter(MovePhase::isCancellable))
                .containsExactly(
                        MovePhase.PREFLIGHT,
                        MovePhase.FENCING,
                        MovePhase.CATCHING_UP,
                        MovePhase.FLIPPING,
                        MovePhase.ROLLING_BACK);
        assertThat(Arrays.stream(MovePhase.values()).filter(MovePhase::rollsBackOnFailure))
                .containsExactly(MovePhase.PREFLIGHT, MovePhase.FENCING, MovePhase.CATCHING_UP);
    }

    @Test
    void recordMeasuresOutageFromFenceToUnfenceAndKeepsEveryStep() {
        MoveRecord move = MoveRecord.started("acme-x1", "acme", "sjc", "nyc", NOW)
                .withFence(List.of(), List.of(), NOW + 10)
                .enter(MovePhase.FENCING, NOW + 10, "")
                .enter(MovePhase.CATCHING_UP, NOW + 20, "");
        assertThat(move.outageMillis()).isEqualTo(-1);
        MoveRecord done = move.enter(MovePhase.FLIPPING, NOW + 30, "")
                .enter(MovePhase.FLIPPED, NOW + 40, "")
                .withUnfenced(NOW + 260)
                .enter(MovePhase.DONE, NOW + 260, "");
        assertThat(done.outageMillis()).isEqualTo(250);
        assertThat(done.steps())
                .extracting(MoveStep::phase)
                .containsExactly(
                        MovePhase.values()[0],
                        MovePhase.FENCING,
                        MovePhase.CATCHING_UP,
                        MovePhase.FLIPPING,
                        MovePhase.FLIPPED,
                        MovePhase.DONE);
        assertThat(done.enteredAtMillis(MovePhase.FLIPPED)).isEqualTo(NOW + 40);
    }

    @ParameterizedTest(name = "{0} -> shard ''{1}''")
    @CsvSource({"acme-l2x9, acme", "my_shard-1, my_shard", "nodash, ''", "-x, ''"})
    void moveIdNamesItsShard(String moveId, String shard) {
        assertThat(MoveRecord.shardOf(moveId)).isEqualTo(shard);
    }

    @ParameterizedTest(name = "{0}: terminal {1}, cancellable {2}")
    @CsvSource({
        "PREFLIGHT, false, true",
        "FENCING, false, true",
        "CATCHING_UP, false, true",
        "FLIPPING, false, true",
        "FLIPPED, false, false",
        "DONE, true, false",
        "ROLLING_BACK, false, true",
        "ROLLED_BACK, true, false"
    })
    void onlyMovesBeforeTheFlipOrRollingBackAcceptACancel(MovePhase phase, boolean terminal, boolean cancellable) {
        assertThat(phase.isTerminal()).isEqualTo(terminal);
        assertThat(phase.isCancellable()).isEqualTo(cancellable);
    }

    @Test
    void defaultsBoundCatchUpAndPollOften() {
        assertThat(SETTINGS.catchUpTimeout()).isGreaterThan(SETTINGS.pollInterval());
        assertThat(SETTINGS.withCatchUpTimeout(Duration.ofMillis(1)).catchUpTimeout())
                .isEqualTo(Duration.ofMillis(1));
    }
}
