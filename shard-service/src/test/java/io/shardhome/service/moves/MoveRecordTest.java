package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.zk.Json;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Revocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoveRecordTest {
    private static final Grantee APP = Grantee.account("app", "%");
    private static final MoveRecord FENCED = MoveRecord.started("acme-x1", "acme", "nyc", "sjc", 1_000)
            .withFence(List.of(new Revocation(APP, "acme", List.of("INSERT", "UPDATE"))), List.of("app@%"), 1_010)
            .enter(MovePhase.FENCING, 1_010, "fenced")
            .withFencePosition("1-1-5");

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of(
                        "enter",
                        (UnaryOperator<MoveRecord>) r -> r.enter(MovePhase.CATCHING_UP, 1_020, "x"),
                        List.of("phase", "steps")),
                Arguments.of(
                        "withFence",
                        (UnaryOperator<MoveRecord>) r -> r.withFence(
                                List.of(new Revocation(Grantee.role("writers"), "acme", List.of("DELETE"))),
                                List.of("bob@%"),
                                1_030),
                        List.of("revokedGrants", "fencedAccounts")),
                Arguments.of(
                        "withWaiting",
                        (UnaryOperator<MoveRecord>) r -> r.withWaiting("MASTER_FAILED: down; retrying in 1000 ms"),
                        List.of("waiting")),
                Arguments.of(
                        "withFencePosition",
                        (UnaryOperator<MoveRecord>) r -> r.withFencePosition("1-1-9"),
                        List.of("fencePosition")),
                Arguments.of(
                        "withReason", (UnaryOperator<MoveRecord>) r -> r.withReason("timed out"), List.of("reason")),
                Arguments.of(
                        "withCancelRequested",
                        (UnaryOperator<MoveRecord>) MoveRecord::withCancelRequested,
                        List.of("cancelRequested")),
                Arguments.of(
                        "withFlipMapVersion",
                        (UnaryOperator<MoveRecord>) r -> r.withFlipMapVersion(12),
                        List.of("flipMapVersion")),
                Arguments.of(
                        "withUnfenced",
                        (UnaryOperator<MoveRecord>) r -> r.withUnfenced(1_250),
                        List.of("unfencedAtMillis")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void eachTransitionChangesOnlyWhatItNames(String name, UnaryOperator<MoveRecord> transition, List<String> changed) {
        MoveRecord after = transition.apply(FENCED);

        assertThat(after)
                .usingRecursiveComparison()
                .ignoringFields(changed.toArray(String[]::new))
                .isEqualTo(FENCED);
        assertThat(after)
                .usingRecursiveComparison()
                .comparingOnlyFields(changed.toArray(String[]::new))
                .isNotEqualTo(FENCED);
    }

    @Test
    void aRecordWrittenBeforeTheFlipMapVersionExistedReadsAsNothingToWaitFor() {
        String stored = "{\"moveId\":\"acme-x1\",\"shard\":\"acme\",\"fromSite\":\"sjc\",\"toSite\":\"nyc\","
                + "\"phase\":\"FLIPPED\",\"steps\":[],\"revokedPrivileges\":[\"INSERT\"],\"fencePosition\":\"1-1-5\","
                + "\"reason\":\"\",\"cancelRequested\":false,\"fencedAtMillis\":1010,\"unfencedAtMillis\":0}";

        MoveRecord old = Json.read(stored.getBytes(StandardCharsets.UTF_8), MoveRecord.class, "move record acme");

        assertThat(old.phase()).isEqualTo(MovePhase.FLIPPED);
        assertThat(old.flipMapVersion()).isZero();
        MoveRecord flipped = FENCED.withFlipMapVersion(12);
        assertThat(Json.read(Json.write(flipped), MoveRecord.class, "move record acme"))
                .isEqualTo(flipped);
    }

    @Test
    void fenceGrantsSurviveJsonAndFurtherGrantsAddToThemKeepingTheFenceTime() {
        MoveRecord more = FENCED.withFence(
                List.of(
                        new Revocation(APP, "acme", List.of("INSERT", "UPDATE")),
                        new Revocation(Grantee.PUBLIC, "acme", List.of("DELETE"))),
                List.of("app@%", "bob@%"),
                2_000);

        assertThat(more.revokedGrants()).hasSize(2);
        assertThat(more.fencedAccounts()).containsExactly("app@%", "bob@%");
        assertThat(more.fencedAtMillis()).isEqualTo(1_010);
        assertThat(Json.read(Json.write(more), MoveRecord.class, "move record acme"))
                .isEqualTo(more);
        assertThat(more.withWaiting("x").enter(MovePhase.CATCHING_UP, 2_100, "").waiting())
                .isEmpty();
    }

    @Test
    void enterAppendsAStepAndUnfencingBeforeAnyFenceRecordsNoOutage() {
        MoveRecord entered = FENCED.enter(MovePhase.CATCHING_UP, 1_020, "waiting");
        MoveRecord neverFenced =
                MoveRecord.started("beta-x2", "beta", "nyc", "sjc", 1_000).withUnfenced(1_100);

        assertThat(entered.steps()).last().isEqualTo(new MoveStep(MovePhase.CATCHING_UP, 1_020, "waiting"));
        assertThat(entered.steps()).hasSize(3);
        assertThat(FENCED.steps()).hasSize(2);
        assertThat(FENCED.withUnfenced(1_250).outageMillis()).isEqualTo(240);
        assertThat(neverFenced.unfencedAtMillis()).isZero();
        assertThat(neverFenced.outageMillis()).isEqualTo(-1);
    }
}
