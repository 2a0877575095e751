package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkFreshnessTest {
    private static final long NOW = 1_000_000_000L;
    private final LinkFreshness freshness = LinkFreshness.forPublishInterval(Duration.ofSeconds(1));

    @Test
    void aStatusIsStaleAfterThreeMissedPublicationsButNotSoonerThanFiveSeconds() {
        assertThat(freshness.staleAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LinkFreshness.forPublishInterval(Duration.ofSeconds(4)).staleAfter())
                .isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aRecentStatusOfALinkSomeInstanceRunsIsFresh() {
        assertThat(freshness.staleReason(NOW - 4_000, NOW, 1)).isEmpty();
    }

    @Test
    void aStatusNotRepublishedInTimeIsStaleSayingWhereToLook() {
        assertThat(freshness.staleReason(NOW - 6_000, NOW, 2)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("not republished for 6 s")
                .contains("stuck or cut off from ZooKeeper"));
    }

    @Test
    void aStatusWhosePublisherIsGoneIsStaleHoweverRecent() {
        assertThat(freshness.staleReason(NOW, NOW, 0))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no running instance runs this link"));
    }

    @Test
    void aStatusWithoutAPublicationTimeIsStale() {
        assertThat(freshness.staleReason(0, NOW, 1)).isPresent();
    }
}
