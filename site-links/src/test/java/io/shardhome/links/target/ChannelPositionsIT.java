package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.LinkException;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A link's position at a target is the earliest of its channel rows, and stale channel rows never linger. */
@RequiresSiteMasters
class ChannelPositionsIT {
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @BeforeEach
    void emptyCatalog() {
        nyc.dropUserSchemas();
        Catalog.migrate(nyc.endpoint());
    }

    @Test
    void aLinkHasProcessedWhatAllItsChannelsHaveAndOtherLinksRowsDoNotCount() throws SQLException {
        rows("sjc->nyc", "2-2-10", "sjc->nyc#1", "2-2-7", "sjc->nyc#2", "2-2-12");
        rows("sjc->nycx#1", "2-2-1", "sj_->nyc#1", "2-2-2", "sjc->nyc#x", "2-2-3");
        try (Connection c = nyc.connect()) {
            assertThat(Catalog.processed(c, "sjc->nyc")).isEqualTo(GtidSet.parse("2-2-7"));
            assertThat(Catalog.processed(c, "lon->nyc")).isEqualTo(GtidSet.EMPTY);
            assertThat(Catalog.processed(c, "sjc->nyc").covers(GtidSet.parse("2-2-8")))
                    .isFalse();
        }
    }

    @Test
    void rowsOfChannelsBeyondTheCountAreDeletedWhenAllRowsAgree() {
        rows("sjc->nyc", "2-2-10", "sjc->nyc#1", "2-2-10", "sjc->nyc#2", "2-2-10", "sjc->nyc#3", "2-2-10");
        Catalog.retainChannels(nyc.endpoint(), "sjc->nyc", 2);
        assertThat(linkIds()).containsExactly("sjc->nyc", "sjc->nyc#1");
        Catalog.retainChannels(nyc.endpoint(), "sjc->nyc", 1);
        assertThat(linkIds()).containsExactly("sjc->nyc");
        Catalog.retainChannels(nyc.endpoint(), "sjc->nyc", 4);
        assertThat(linkIds()).as("new channels get their rows when they open").containsExactly("sjc->nyc");
    }

    @Test
    void aChannelCountChangeAfterAnUnfinishedStopIsRefusedNamingTheRowsAndTheWayOut() {
        rows("sjc->nyc", "2-2-10", "sjc->nyc#1", "2-2-8", "sjc->nyc#2", "2-2-10", "sjc->nyc#3", "2-2-9");
        Catalog.retainChannels(nyc.endpoint(), "sjc->nyc", 4);
        for (int channels : new int[] {1, 2, 8}) {
            assertThatThrownBy(() -> Catalog.retainChannels(nyc.endpoint(), "sjc->nyc", channels))
                    .isInstanceOfSatisfying(LinkException.class, e -> {
                        assertThat(e.code()).isEqualTo(LinkException.Code.CHANNEL_COUNT_CHANGED);
                        assertThat(e.getMessage())
                                .contains("sjc->nyc", "4 apply channels", "2-2-8", "channels=4", "stop it gracefully");
                    });
        }
        assertThat(linkIds()).hasSize(4);
    }

    private void rows(String... idsAndPositions) {
        for (int i = 0; i < idsAndPositions.length; i += 2) {
            nyc.execute(
                    "SET sql_log_bin=0",
                    "INSERT INTO shardhome.link_position (link_id, source_site, target_site, gtid_set) VALUES ('"
                            + idsAndPositions[i] + "', 'sjc', 'nyc', '" + idsAndPositions[i + 1] + "')");
        }
    }

    private List<String> linkIds() {
        return nyc.rows("SELECT link_id FROM shardhome.link_position ORDER BY link_id").stream()
                .map(r -> r.get(0))
                .toList();
    }
}
