package io.shardhome.service.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.junit.jupiter.api.Test;

/**
 * Two {@code shardhome serve} processes, an application writing the moving shards all along: a move of a
 * shard from nyc to sjc is started in the move leader, which is killed with SIGKILL while the move's record
 * says PREFLIGHT, FENCING, CATCHING_UP, FLIPPING and FLIPPED in turn. The other instance becomes the move
 * leader and recovers each move: the ones that had not finished fencing roll back, the others finish; every
 * shard ends wholly at one home (ACTIVE, the application's write grants there only), and every acknowledged
 * write is at both sites.
 *
 * <p>How each phase is hit, without any hook in the service: a watch on the move record sees it enter the
 * phase, and a lock at a master holds the move there (see {@link Blocker}) until its leader is killed.
 * FLIPPING (one directory write) cannot be held: the watch kills the leader at once, and when the kill
 * lands after the record moved on, the phase is tried again with a new shard (at most {@value #ATTEMPTS}
 * times).
 */
@RequiresSiteMasters
class MoveCrashIT {
    private static final int ATTEMPTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PHASES = List.of("PREFLIGHT", "FENCING", "CATCHING_UP", "FLIPPING", "FLIPPED");

    @Test
    void killingTheMoveLeaderAtEveryPhaseLeavesEachShardWhollyAtOneHome() throws Exception {
        List<String> shards = new ArrayList<>();
        for (String phase : PHASES) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                shards.add(shard(phase, attempt));
            }
        }
        try (CrashCluster world = CrashCluster.start("move-kills", 2)) {
            shards.forEach(shard -> world.createShard(shard, "nyc"));
            try (AckedWriter writer = AckedWriter.start(world, shards)) {
                writer.awaitProgress(200);
                for (String phase : PHASES) {
                    int attempt = 1;
                    while (!killDuring(world, writer, phase, shard(phase, attempt))) {
                        assertThat(++attempt)
                                .as("the leader was killed during " + phase + " within " + ATTEMPTS + " attempts")
                                .isLessThanOrEqualTo(ATTEMPTS);
                    }
                }
                writer.stop();
                world.assertConsistent(writer, shards);
            }
        }
    }

    private static String shard(String phase, int attempt) {
        return "m_" + phase.toLowerCase() + "_" + attempt;
    }

    /**
     * Moves {@code shard} to sjc and kills the move leader when the record enters {@code phase} (for a held
     * phase: once the blocker holds the move); then waits for the other instance to end the move and checks
     * the shard. @return whether the leader died while the record said {@code phase}
     */
    private static boolean killDuring(CrashCluster world, AckedWriter writer, String phase, String shard)
            throws Exception {
        ServeProcess leader = awaitMoveLeader(world);
        AtomicBoolean seen = new AtomicBoolean();
        AtomicBoolean entered = new AtomicBoolean();
        String diedIn = "";
        try (Blocker blocker = Blocker.forPhase(phase, shard);
                CuratorCache watch =
                        CuratorCache.build(world.client(), world.layout().moves() + "/" + shard)) {
            watch.listenable()
                    .addListener(CuratorCacheListener.builder()
                            .forCreatesAndChanges((before, after) -> {
                                if (phase.equals(phaseOf(after.getData())) && entered.compareAndSet(false, true)) {
                                    if (!blocker.holds()) {
                                        leader.kill(); // the phase lasts milliseconds: kill right here
                                    }
                                }
                            })
                            .build());
            watch.start();
            CompletableFuture.runAsync(() -> leader.api()
                    .send("POST", "/api/v1/moves", "application/json", "{\"shard\":\"" + shard + "\",\"to\":\"sjc\"}"));
            await().atMost(CrashCluster.PATIENCE).until(() -> entered.get() || ended(world, shard));
            if (entered.get() && blocker.holds()) {
                await().atMost(CrashCluster.PATIENCE).until(blocker::holding);
                leader.kill();
            }
            if (!leader.isAlive()) {
                diedIn = record(world, shard).path("phase").asText();
            }
        }
        world.startInstance();
        JsonNode end = awaitEnd(world, shard);
        boolean hit = diedIn.equals(phase);
        System.out.printf(
                "%s: move leader %s %s; the move ended %s%n",
                shard,
                leader.name(),
                diedIn.isEmpty() ? "survived (the phase passed unseen)" : "killed while the record said " + diedIn,
                end.path("phase").asText());
        if (hit) {
            String expected = phase.equals("PREFLIGHT") || phase.equals("FENCING") ? "ROLLED_BACK" : "DONE";
            assertThat(end.path("phase").asText())
                    .as(shard + " killed in " + phase + ": " + end)
                    .isEqualTo(expected);
            assertWhollyAt(world, shard, expected.equals("DONE") ? "sjc" : "nyc");
        } else {
            assertThat(end.path("phase").asText())
                    .as(shard + ": the leader died in " + diedIn + ", not " + phase + ": " + end)
                    .isIn("DONE", "ROLLED_BACK");
            assertWhollyAt(world, shard, end.path("phase").asText().equals("DONE") ? "sjc" : "nyc");
        }
        writer.awaitProgress(50);
        return hit;
    }

    private static ServeProcess awaitMoveLeader(CrashCluster world) throws Exception {
        AtomicReference<ServeProcess> leader = new AtomicReference<>();
        await().atMost(CrashCluster.PATIENCE).ignoreExceptions().until(() -> {
            Optional<ServeProcess> found = world.moveLeader();
            found.ifPresent(leader::set);
            return found.isPresent();
        });
        return leader.get();
    }

    private static JsonNode awaitEnd(CrashCluster world, String shard) {
        await().atMost(CrashCluster.PATIENCE).ignoreExceptions().until(() -> ended(world, shard));
        return record(world, shard);
    }

    private static boolean ended(CrashCluster world, String shard) throws IOException {
        JsonNode record = record(world, shard);
        return record != null
                && List.of("DONE", "ROLLED_BACK").contains(record.path("phase").asText());
    }

    private static JsonNode record(CrashCluster world, String shard) {
        try {
            byte[] data = world.client().getData().forPath(world.layout().moves() + "/" + shard);
            return JSON.readTree(data);
        } catch (Exception none) {
            return null;
        }
    }

    private static String phaseOf(byte[] record) {
        try {
            return JSON.readTree(record).path("phase").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** ACTIVE at {@code home}; the application may write it there and only read it at the other site. */
    private static void assertWhollyAt(CrashCluster world, String shard, String home) {
        JsonNode lookup = world.any().get("/api/v1/lookup/" + shard).json();
        assertThat(lookup.path("home").asText()).as(lookup.toString()).isEqualTo(home);
        assertThat(lookup.path("state").asText()).as(lookup.toString()).isEqualTo("ACTIVE");
        String copy = home.equals("nyc") ? "sjc" : "nyc";
        assertThat(insertGrant(home, shard))
                .as("app may write " + shard + " at " + home)
                .isEqualTo("Y");
        assertThat(insertGrant(copy, shard))
                .as("app may not write " + shard + " at " + copy)
                .isNotEqualTo("Y");
    }

    private static String insertGrant(String site, String shard) {
        return MariaDbSites.get(site)
                .value("SELECT MAX(Insert_priv) FROM mysql.db WHERE User='" + CrashCluster.APP_USER + "' AND '" + shard
                        + "' LIKE Db"); // Db is a pattern: moves grant on the escaped name (m\_flipped\_1)
    }

    /**
     * What holds a move in its phase long enough to kill its leader there, by real means: a lock on {@code
     * mysql.db} makes the move's own statement wait (PREFLIGHT: the source's grants are read under a write
     * lock; FENCING: the REVOKE at the source under a read lock; FLIPPED: the GRANT at the target under a
     * read lock), a row lock at the target holds the link during CATCHING_UP. FLIPPING (one directory write)
     * has none. Released on close, right after the kill: a statement of the dead leader still waiting then
     * runs, as it would after a real crash.
     */
    private static final class Blocker implements AutoCloseable {
        private final Connection session;
        private final MariaDbSite site;
        private final String waiting;

        private Blocker(Connection session, MariaDbSite site, String waiting) {
            this.session = session;
            this.site = site;
            this.waiting = waiting;
        }

        static Blocker forPhase(String phase, String shard) throws SQLException {
            MariaDbSite nyc = MariaDbSites.get("nyc");
            MariaDbSite sjc = MariaDbSites.get("sjc");
            return switch (phase) {
                case "PREFLIGHT" -> tableLock(nyc, "WRITE", "SELECT * FROM mysql.db%");
                case "FENCING" -> tableLock(nyc, "READ", "REVOKE%");
                case "FLIPPED" -> tableLock(sjc, "READ", "GRANT%");
                case "CATCHING_UP" -> rowLockAtTarget(nyc, sjc, shard);
                default -> new Blocker(null, null, null);
            };
        }

        private static Blocker tableLock(MariaDbSite site, String mode, String statement) throws SQLException {
            Connection c = site.connect();
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLES mysql.db " + mode);
            }
            return new Blocker(
                    c, site, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '" + statement + "'");
        }

        private static Blocker rowLockAtTarget(MariaDbSite nyc, MariaDbSite sjc, String shard) throws SQLException {
            nyc.execute("INSERT INTO " + shard + ".acks VALUES (-1, 'held at the target')");
            await().atMost(CrashCluster.PATIENCE)
                    .until(() -> "1".equals(sjc.value("SELECT COUNT(*) FROM " + shard + ".acks WHERE id = -1")));
            Connection c = sjc.connect();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT * FROM " + shard + ".acks WHERE id = -1 FOR UPDATE");
            }
            nyc.execute("UPDATE " + shard + ".acks SET written_at = 'before the move' WHERE id = -1");
            return new Blocker(c, sjc, null);
        }

        /** Whether this blocker holds its phase (else the phase passes in milliseconds). */
        boolean holds() {
            return session != null;
        }

        /** Whether the move is held now: its statement waits on the lock (a row lock holds at once). */
        boolean holding() {
            return waiting == null || !"0".equals(site.value(waiting));
        }

        @Override
        public void close() throws SQLException {
            if (session != null) {
                if (!session.getAutoCommit()) {
                    session.rollback();
                }
                try (Statement s = session.createStatement()) {
                    s.execute("UNLOCK TABLES");
                }
                session.close();
            }
        }
    }
}
