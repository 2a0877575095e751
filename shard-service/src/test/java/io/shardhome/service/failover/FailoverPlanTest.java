package io.shardhome.service.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailoverPlanTest {
    private static final Site NYC = Site.of("nyc", "h1", 3306);
    private static final Site SJC = Site.of("sjc", "h2", 3306);
    private static final Site LON = Site.of("lon", "h3", 3306);

    private static DirectorySnapshot map(List<Site> sites, ShardEntry... entries) {
        return DirectorySnapshot.of(7, sites, List.of(entries));
    }

    @Test
    void spreadGivesEachShardToTheSurvivorHomingTheFewestSoFar() {
        DirectorySnapshot snapshot = map(
                List.of(NYC, SJC, LON),
                ShardEntry.of("a", "nyc", false),
                ShardEntry.of("b", "nyc", false),
                ShardEntry.of("c", "nyc", false),
                ShardEntry.of("d", "sjc", false),
                ShardEntry.of("local", "#LOCAL", false));

        FailoverPlan plan = FailoverPlan.of(snapshot, "nyc", null, false);

        assertThat(plan.newHomes()).isEqualTo(Map.of("a", "lon", "b", "lon", "c", "sjc"));
        assertThat(plan.survivors()).containsExactly("lon", "sjc");
        assertThat(plan.mapVersion()).isEqualTo(7);
        assertThat(FailoverPlan.of(snapshot, "nyc", "sjc", false).newHomes())
                .isEqualTo(Map.of("a", "sjc", "b", "sjc", "c", "sjc"));
    }

    @Test
    void aSiteWithoutShardsFailsOverToAnEmptyPlan() {
        assertThat(FailoverPlan.of(map(List.of(NYC, SJC)), "nyc", null, true).newHomes())
                .isEmpty();
    }

    @Test
    void refusesWhatCannotBeFailedOverNamingTheFix() {
        DirectorySnapshot snapshot = map(
                List.of(NYC, SJC, LON.withState(SiteState.DOWN)),
                ShardEntry.of("a", "nyc", false),
                new ShardEntry(ShardEntry.of("m", "sjc", false).definition(), ShardState.FENCED, "nyc"));

        assertRefused(() -> FailoverPlan.of(snapshot, "tok", null, false), Code.SITE_NOT_FOUND, "'tok'");
        assertRefused(() -> FailoverPlan.of(snapshot, "lon", null, false), Code.FAILOVER_REFUSED, "already DOWN");
        assertRefused(() -> FailoverPlan.of(snapshot, "sjc", "nyc", true), Code.INVALID_INPUT, "not both");
        assertRefused(() -> FailoverPlan.of(snapshot, "nyc", "lon", false), Code.FAILOVER_REFUSED, "is DOWN");
        assertRefused(() -> FailoverPlan.of(snapshot, "nyc", "nyc", false), Code.FAILOVER_REFUSED, "itself");
        assertRefused(() -> FailoverPlan.of(snapshot, "nyc", "tok", false), Code.SITE_NOT_FOUND, "--to");
        assertRefused(() -> FailoverPlan.of(snapshot, "nyc", null, false), Code.FAILOVER_REFUSED, "m (FENCED");
        assertRefused(
                () -> FailoverPlan.of(map(List.of(NYC, SJC.withState(SiteState.DRAINING))), "nyc", null, false),
                Code.FAILOVER_REFUSED,
                "no surviving ACTIVE site");
    }

    private static void assertRefused(Runnable call, Code code, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(text);
        });
    }
}
