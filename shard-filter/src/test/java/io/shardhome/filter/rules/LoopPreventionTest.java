package io.shardhome.filter.rules;

import static io.shardhome.filter.rules.RulesFixture.MAP;
import static io.shardhome.filter.rules.RulesFixture.filter;
import static io.shardhome.filter.rules.RulesFixture.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.rules.Decision.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sends one write through a full mesh of links (every site to every other) and follows every copy
 * until nothing moves: each site must get a home's write exactly once and never send it back.
 */
class LoopPreventionTest {
    /** More copies than sites means a loop; stop following there so a broken rule fails, not hangs. */
    private static final int LOOP_LIMIT = 10;

    @Test
    void transactionAppliedByAToBIsNeverAppliedBackToA() {
        Decision forward = filter("nyc", "sjc", "error", "error").decide(MAP, tx("pinnacle", "nyc"));
        Decision back = filter("sjc", "nyc", "error", "error").decide(MAP, tx("pinnacle", "nyc"));

        assertThat(forward.isApply()).isTrue();
        assertThat(back.action()).isEqualTo(Decision.Action.DROP);
        assertThat(back.reason()).isEqualTo(Reason.ECHO);
    }

    @ParameterizedTest(name = "sites [{0}]: {1} written at {2} (unknown={3}) reaches [{4}], {5} links fail")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            nyc sjc     | pinnacle  | nyc | error  | sjc     | 0
            nyc sjc     | acme      | sjc | error  | nyc     | 0
            nyc sjc     | acme      | nyc | error  |         | 1
            nyc sjc     | scratch   | sjc | error  |         | 0
            nyc sjc     | superior  | nyc | accept | sjc     | 0
            nyc sjc lon | pinnacle  | nyc | error  | lon sjc | 0
            nyc sjc lon | ledger    | nyc | error  | lon sjc | 0
            nyc sjc lon | acme      | sjc | error  | lon nyc | 0
            nyc sjc lon | britannia | lon | error  | nyc sjc | 0
            nyc sjc lon | acme      | lon | error  |         | 2
            nyc sjc lon | scratch   | lon | error  |         | 0
            nyc sjc lon | shardhome | nyc | error  |         | 0
            nyc sjc lon | superior  | nyc | accept | lon sjc | 0
            nyc sjc lon | superior  | nyc | warn   | lon sjc | 0
            nyc sjc lon | superior  | nyc | drop   |         | 0
            nyc sjc lon | superior  | sjc | error  |         | 2
            """)
    void writeReachesEveryOtherSiteOnceAndNeverLoops(
            String sites, String shard, String writeSite, String unknownShard, String reached, int failedLinks) {
        Outcome outcome = propagate(List.of(sites.split(" ")), shard, writeSite, unknownShard);

        List<String> expected = reached == null ? List.of() : Arrays.asList(reached.split(" "));
        assertThat(outcome.copiesBySite()).containsOnlyKeys(expected);
        assertThat(outcome.copiesBySite())
                .allSatisfy((site, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(outcome.copiesBySite()).doesNotContainKey(writeSite);
        assertThat(outcome.failures()).hasSize(failedLinks);
    }

    private record Outcome(TreeMap<String, Integer> copiesBySite, List<Decision> failures) {}

    private record Copy(String site, String origin) {}

    private static Outcome propagate(List<String> sites, String shard, String writeSite, String unknownShard) {
        TreeMap<String, Integer> copies = new TreeMap<>();
        List<Decision> failures = new ArrayList<>();
        Deque<Copy> pending = new ArrayDeque<>(List.of(new Copy(writeSite, writeSite)));
        while (!pending.isEmpty()) {
            Copy copy = pending.poll();
            for (String target : sites) {
                if (target.equals(copy.site())) {
                    continue;
                }
                Decision decision =
                        filter(copy.site(), target, unknownShard, "error").decide(MAP, tx(shard, copy.origin()));
                if (decision.action() == Decision.Action.FAIL) {
                    failures.add(decision);
                } else if (decision.isApply() && copies.merge(target, 1, Integer::sum) < LOOP_LIMIT) {
                    pending.add(new Copy(target, copy.site()));
                }
            }
        }
        return new Outcome(copies, failures);
    }
}
