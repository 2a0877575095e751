package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkState;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moves with three sites: the shard rotates among nyc, sjc and lon under an application writing 200 tx/s,
 * while at every move the third site (neither old nor new home) holds a lock on the shard's table, so its
 * link from the old home falls behind and reads the old home's last writes only after the flip.
 */
@RequiresSiteMasters
class ThreeSiteMovesIT {
    private static final List<String> SITES = List.of("nyc", "sjc", "lon");
    private static final String SHARD = "rotor";
    private static final int MOVES = 10;

    @Test
    void tenMovesAmongThreeSitesWithALaggingThirdSiteLoseNoWriteLeaveEqualCopiesAndStopNoLink() throws Exception {
        try (MoveSites sites = MoveSites.start(SITES, 1, FilterPolicies.DEFAULTS);
                MoveEngine engine = sites.engine()) {
            sites.createShard(SHARD, "sjc");
            List<MoveRecord> moves = new ArrayList<>();
            List<Long> acknowledged;
            try (RoutedWriter writer = RoutedWriter.start(sites, SHARD)) {
                writer.awaitAcknowledged(100);
                String home = "sjc";
                for (int i = 0; i < MOVES; i++) {
                    String to = SITES.get((SITES.indexOf(home) + 1) % SITES.size());
                    moves.add(moveWhileTheThirdSiteLags(engine, writer, home, to));
                    home = to;
                    writer.awaitAcknowledged(writer.acknowledged().size() + 100);
                }
                writer.stop();
                acknowledged = writer.acknowledged();
                System.out.printf(
                        "three-site moves of %s: outages %s ms, %d inserts acknowledged, %d refused or failed%n",
                        SHARD,
                        moves.stream().map(MoveRecord::outageMillis).toList(),
                        acknowledged.size(),
                        writer.failures());
            }
            sites.awaitLinksCaughtUp();
            for (String site : SITES) {
                List<Long> present = MoveSites.site(site).rows("SELECT id FROM " + SHARD + ".orders").stream()
                        .map(r -> Long.parseLong(r.get(0)))
                        .toList();
                assertThat(present).as("acknowledged rows at " + site).containsAll(acknowledged);
                assertThat(checksum(site)).as("checksum at " + site).isEqualTo(checksum("sjc"));
            }
            for (Link link : sites.links()) {
                assertThat(link.state()).as(link.id()).isEqualTo(LinkState.ONLINE);
                assertThat(link.status().pendingError()).as(link.id()).isEmpty();
                assertThat(link.status().droppedFor(Reason.NOT_FROM_HOME))
                        .as(link.id())
                        .isZero();
            }
        }
    }

    /**
     * Moves the shard {@code from -> to} while the third site locks the shard's table: the link from the old
     * home to it stalls on the old home's writes, the move completes without waiting for it, and the new
     * home's writes pile up behind it; then the lock goes.
     */
    private static MoveRecord moveWhileTheThirdSiteLags(MoveEngine engine, RoutedWriter writer, String from, String to)
            throws Exception {
        String third = SITES.stream()
                .filter(s -> !s.equals(from) && !s.equals(to))
                .findFirst()
                .orElseThrow();
        MoveRecord move;
        try (Connection blocker = MoveSites.site(third).connect();
                Statement lock = blocker.createStatement()) {
            lock.execute("LOCK TABLES " + SHARD + ".orders WRITE");
            writer.awaitAcknowledged(writer.acknowledged().size() + 20);
            move = MoveEngineIT.awaitEnd(engine, engine.start(SHARD, to));
            writer.awaitAcknowledged(writer.acknowledged().size() + 20);
            lock.execute("UNLOCK TABLES");
        }
        assertThat(move.phase()).as(move.reason()).isEqualTo(MovePhase.DONE);
        return move;
    }

    private static String checksum(String site) {
        return MoveSites.site(site)
                .value("SELECT CONCAT(COUNT(*), '/', BIT_XOR(CRC32(CONCAT_WS('|', id, written_by, payload))))"
                        + " FROM " + SHARD + ".orders");
    }
}
