package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.links.LinkState;
import io.shardhome.links.PublishedStatus;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RequiresSiteMasters
class MoveEngineIT {
    private static MoveSites sites;
    private static MoveEngine engine;

    @BeforeAll
    static void startSites() {
        sites = MoveSites.start();
        engine = sites.engine();
    }

    @AfterAll
    static void stopSites() {
        engine.close();
        sites.close();
    }

    @Test
    void writerLosesNoWriteAndNeverHitsTheWrongMasterWhileAcmeMovesAwayAndBack() throws Exception {
        sites.createShard("acme", "sjc", "nyc");
        List<MoveRecord> moves = new ArrayList<>();
        try (RoutedWriter writer = RoutedWriter.start(sites, "acme")) {
            writer.awaitAcknowledged(50);
            moves.add(moveAndAwait("acme", "nyc"));
            writer.awaitAcknowledged(writer.acknowledged().size() + 50);
            moves.add(moveAndAwait("acme", "sjc"));
            writer.awaitAcknowledged(writer.acknowledged().size() + 50);
            writer.stop();
            sites.awaitLinksCaughtUp();
            assertEveryAcknowledgedRowAtBothSites(writer.acknowledged());
            System.out.printf(
                    "moves of acme: outage %s ms, %d inserts acknowledged, %d refused or failed%n",
                    moves.stream().map(MoveRecord::outageMillis).toList(),
                    writer.acknowledged().size(),
                    writer.failures());
        }
        assertThat(moves).allSatisfy(m -> assertThat(m.outageMillis()).isPositive());
        assertThat(checksum("nyc")).isEqualTo(checksum("sjc"));
        int sjc = MoveSites.site("sjc").serverId();
        assertThat(writersInIdOrder())
                .containsExactly(sjc, MoveSites.site("nyc").serverId(), sjc);
        assertThat(sites.nycToSjc.state()).isEqualTo(LinkState.ONLINE);
        assertThat(sites.sjcToNyc.state()).isEqualTo(LinkState.ONLINE);
        assertThat(MoveSites.appWrites("nyc", "acme")).isEmpty();
        assertThat(MoveSites.appWrites("sjc", "acme")).containsExactly("INSERT", "UPDATE", "DELETE");
    }

    @Test
    void preflightRefusesAMoveOverAnOfflineLinkAndChangesNothing() {
        sites.createShard("beta", "nyc", "sjc");
        long v = sites.store().version();
        sites.store().registerSite(Site.of("lax", "127.0.0.1", 3999), v);
        LinkStatusStore statuses = sites.linkStatus();
        statuses.publish(MoveEngine.statusKey("nyc", "lax"), offline("nyc->lax"));
        assertThatThrownBy(() -> engine.start("beta", "lax")).isInstanceOfSatisfying(MoveException.class, e -> {
            assertThat(e.code()).isEqualTo(MoveException.Code.LINK_NOT_READY);
            assertThat(e.getMessage()).contains("nyc->lax").contains("OFFLINE").contains("ONLINE");
        });
        assertThat(sites.entry("beta").isPlain()).isTrue();
        assertThat(engine.list())
                .filteredOn(m -> m.shard().equals("beta"))
                .singleElement()
                .satisfies(m -> assertThat(m.phase()).isEqualTo(MovePhase.ROLLED_BACK));
        assertThat(MoveSites.appWrites("nyc", "beta")).isNotEmpty();
    }

    @Test
    void catchUpTimeoutRollsBackKeepingTheHomeAndItsWrites() throws Exception {
        sites.createShard("gamma", "sjc", "nyc");
        try (MoveEngine impatient = sites.engine(MoveSites.settings().withCatchUpTimeout(Duration.ofMillis(500)));
                Connection blocker = MoveSites.site("nyc").connect();
                Statement lock = blocker.createStatement()) {
            lock.execute("LOCK TABLES gamma.orders WRITE");
            MoveSites.site("sjc").execute("INSERT INTO gamma.orders VALUES (1, @@server_id, 'stuck at nyc')");
            String id = impatient.start("gamma", "nyc");
            MoveRecord move = awaitEnd(impatient, id);
            lock.execute("UNLOCK TABLES");
            assertThat(move.phase()).isEqualTo(MovePhase.ROLLED_BACK);
            assertThat(move.reason()).contains("CATCH_UP_TIMEOUT");
            assertThat(move.outageMillis()).isPositive();
        }
        assertThat(sites.entry("gamma").isPlain()).isTrue();
        assertThat(sites.entry("gamma").home().value()).isEqualTo("sjc");
        assertThat(MoveSites.appWrites("sjc", "gamma")).containsExactly("INSERT", "UPDATE", "DELETE");
        sites.awaitLinksCaughtUp();
    }

    @Test
    void concurrentMovesOfOneShardLetExactlyOneWin() throws Exception {
        sites.createShard("delta", "nyc", "sjc");
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> attempt = () -> {
            go.await();
            try {
                return engine.start("delta", "sjc");
            } catch (MoveException e) {
                return e.code().name();
            }
        };
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(attempt));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> call(attempt));
        go.countDown();
        List<String> outcomes = List.of(first.get(), second.get());
        assertThat(outcomes).filteredOn("MOVE_IN_PROGRESS"::equals).hasSize(1);
        String winner = outcomes.stream()
                .filter(o -> o.startsWith("delta-"))
                .findFirst()
                .orElseThrow();
        assertThat(awaitEnd(engine, winner).phase()).isEqualTo(MovePhase.DONE);
        assertThat(sites.entry("delta").home().value()).isEqualTo("sjc");
        assertThat(sites.entry("delta").state()).isEqualTo(ShardState.ACTIVE);
    }

    @Test
    void writesOpenAtTheNewHomeOnlyOnceTheLinkFromItHasSeenTheFlip() throws Exception {
        sites.createShard("eta", "sjc", "nyc");
        long row = 0;
        for (String to : List.of("nyc", "sjc", "nyc", "sjc")) {
            String from = to.equals("nyc") ? "sjc" : "nyc";
            MoveRecord move = moveAndAwait("eta", to);
            assertThat(move.flipMapVersion()).isPositive();
            assertThat(move.steps()).last().satisfies(step -> assertThat(step.note())
                    .isEqualTo("writes open at " + to + "; link " + to + "->" + from + " has seen map version "
                            + move.flipMapVersion()));
            insertAsApplication(to, "eta", ++row);
            long written = row;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> MoveSites.site(from).count("eta.orders") == written);
            for (var link : List.of(sites.nycToSjc, sites.sjcToNyc)) {
                assertThat(link.state()).as(link.id()).isEqualTo(LinkState.ONLINE);
                assertThat(link.status().pendingError()).as(link.id()).isEmpty();
            }
        }
    }

    @Test
    void aRunningLinkThatMissesTheFlipDelaysOpeningWritesOnlyUntilTheTimeout() {
        sites.createShard("zeta", "sjc", "nyc");
        LinkStatusStore statuses = sites.linkStatus();
        statuses.publish(MoveEngine.statusKey("nyc", "lax"), status("nyc->lax", "ONLINE", 1));
        try (MoveEngine hasty = sites.engine(MoveSites.settings().withFlipPropagationTimeout(Duration.ofMillis(300)))) {
            MoveRecord move = awaitEnd(hasty, hasty.start("zeta", "nyc"));
            assertThat(move.phase()).as(move.reason()).isEqualTo(MovePhase.DONE);
            assertThat(move.steps()).last().satisfies(step -> assertThat(step.note())
                    .startsWith("writes open at nyc; link nyc->lax had not confirmed map version "
                            + move.flipMapVersion() + " within "));
        } finally {
            statuses.publish(MoveEngine.statusKey("nyc", "lax"), offline("nyc->lax"));
        }
        assertThat(MoveSites.appWrites("nyc", "zeta")).containsExactly("INSERT", "UPDATE", "DELETE");
    }

    private static void insertAsApplication(String site, String shard, long id) throws Exception {
        MariaDbSite master = MoveSites.site(site);
        try (Connection c = MoveSites.appDataSource(Site.of(site, master.host(), master.port()))
                        .getConnection();
                Statement insert = c.createStatement()) {
            insert.executeUpdate(
                    "INSERT INTO " + shard + ".orders VALUES (" + id + ", @@server_id, 'right after the move')");
        }
    }

    private static String call(Callable<String> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MoveRecord moveAndAwait(String shard, String to) {
        MoveRecord done = awaitEnd(engine, engine.start(shard, to));
        assertThat(done.phase()).as(done.reason()).isEqualTo(MovePhase.DONE);
        return done;
    }

    static MoveRecord awaitEnd(MoveEngine e, String moveId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> e.get(moveId).phase().isTerminal());
        return e.get(moveId);
    }

    private static void assertEveryAcknowledgedRowAtBothSites(List<Long> acknowledged) {
        for (String site : List.of("nyc", "sjc")) {
            List<Long> present = MoveSites.site(site).rows("SELECT id FROM acme.orders").stream()
                    .map(r -> Long.parseLong(r.get(0)))
                    .toList();
            assertThat(present).as("rows at " + site).containsAll(acknowledged);
        }
        assertThat(MoveSites.site("nyc").count("acme.orders"))
                .isEqualTo(MoveSites.site("sjc").count("acme.orders"));
    }

    private static String checksum(String site) {
        return MoveSites.site(site)
                .value("SELECT CONCAT(COUNT(*), '/', BIT_XOR(CRC32(CONCAT_WS('|', id, written_by, payload))))"
                        + " FROM acme.orders");
    }

    /** The masters that took acme's rows, in id (= time) order, with consecutive repeats collapsed. */
    private static List<Integer> writersInIdOrder() {
        List<Integer> runs = new ArrayList<>();
        for (List<String> row : MoveSites.site("nyc").rows("SELECT written_by FROM acme.orders ORDER BY id")) {
            int writer = Integer.parseInt(row.get(0));
            if (runs.isEmpty() || runs.get(runs.size() - 1) != writer) {
                runs.add(writer);
            }
        }
        return runs;
    }

    private static PublishedStatus offline(String linkId) {
        return status(linkId, "OFFLINE", 1);
    }

    private static PublishedStatus status(String linkId, String state, long mapVersion) {
        return new PublishedStatus(
                linkId,
                state,
                "",
                "",
                "",
                0,
                -1,
                0,
                Map.of(),
                "",
                "",
                "",
                "",
                "stopped",
                mapVersion,
                System.currentTimeMillis());
    }
}
