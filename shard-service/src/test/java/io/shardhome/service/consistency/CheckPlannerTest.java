package io.shardhome.service.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.service.error.ServiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPlannerTest {
    private static final DirectorySnapshot MAP = DirectorySnapshot.of(
            3,
            List.of(Site.of("nyc", "h", 1), Site.of("sjc", "h", 2), Site.of("lon", "h", 3)),
            List.of(
                    ShardEntry.of("acme", "nyc", false),
                    ShardEntry.of("beta", "sjc", false),
                    ShardEntry.of("gamma", "nyc", false),
                    ShardEntry.of("local", "#LOCAL", false)));

    @Test
    void allShardsAreCheckedAtEveryCopyInOnePartPerLink() {
        CheckRecord check = CheckPlanner.plan(MAP, List.of(), true, "", "c1", "ops");

        assertThat(check.parts())
                .extracting(CheckRecord.CheckPart::link, CheckRecord.CheckPart::shards)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nyc->lon", List.of("acme", "gamma")),
                        org.assertj.core.groups.Tuple.tuple("nyc->sjc", List.of("acme", "gamma")),
                        org.assertj.core.groups.Tuple.tuple("sjc->lon", List.of("beta")),
                        org.assertj.core.groups.Tuple.tuple("sjc->nyc", List.of("beta")));
        assertThat(check.state()).isEqualTo(CheckRecord.PENDING);
    }

    @Test
    void aSiteNarrowsTheCheckToItsCopies() {
        CheckRecord check = CheckPlanner.plan(MAP, List.of("acme", "beta"), false, "lon", "c1", "ops");

        assertThat(check.parts()).extracting(CheckRecord.CheckPart::link).containsExactly("nyc->lon", "sjc->lon");
    }

    @Test
    void aShardAtItsOwnHomeAnUnknownShardOrSiteAndAmbiguousRequestsAreRefusedByName() {
        assertThatThrownBy(() -> CheckPlanner.plan(MAP, List.of("acme"), false, "nyc", "c", "ops"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code())
                        .isEqualTo(ServiceException.Code.CHECK_REFUSED))
                .hasMessageContaining("nyc holds no copy of it");
        assertThatThrownBy(() -> CheckPlanner.plan(MAP, List.of("nope"), false, "", "c", "ops"))
                .hasMessageContaining("shard 'nope' is not in the map");
        assertThatThrownBy(() -> CheckPlanner.plan(MAP, List.of("acme"), false, "par", "c", "ops"))
                .hasMessageContaining("site 'par' is not registered");
        assertThatThrownBy(() -> CheckPlanner.plan(MAP, List.of("acme"), true, "", "c", "ops"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> CheckPlanner.plan(MAP, List.of("local"), false, "", "c", "ops"))
                .hasMessageContaining("has no copies");
    }

    @Test
    void aCheckIsDoneWhenEveryPartEndedAndFailedWhenOneFailed() {
        CheckRecord check = CheckPlanner.plan(MAP, List.of("acme"), false, "", "c1", "ops");
        ShardResult same = new ShardResult("acme", "sjc", "nyc", ShardResult.SAME, "1-1-1", 1, 5, List.of(), "");

        CheckRecord running = check.withPart("nyc->sjc", p -> p.claimed("me", java.time.Instant.now()));
        CheckRecord oneDone = running.withPart("nyc->sjc", p -> p.finished(List.of(same), java.time.Instant.now()));
        CheckRecord ended = oneDone.withPart("nyc->lon", p -> p.failed("gone", java.time.Instant.now()));

        assertThat(running.state()).isEqualTo(CheckRecord.RUNNING);
        assertThat(oneDone.state()).isEqualTo(CheckRecord.RUNNING);
        assertThat(ended.state()).isEqualTo(CheckRecord.FAILED);
        assertThat(ended.summary()).isEqualTo(new CheckRecord.Summary(1, 0, 0));
    }
}
