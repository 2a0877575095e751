package io.shardhome.service.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two {@code shardhome serve} processes on one ZooKeeper, an application writing four shards (homed at
 * both sites) all along: the instance running the links is killed with SIGKILL 20 times, a replacement
 * starts each time, the survivor takes the links over. In the end every acknowledged write is at both
 * sites, the copies are equal, no shard is FENCED and no link is stuck. Then a frozen instance (SIGSTOP
 * past its ZooKeeper session) and restarts of both MariaDB masters under the writer.
 */
@RequiresSiteMasters
class LinkFailoverCrashIT {
    private static final int KILLS = 20;
    private static final List<String> SHARDS = List.of("east1", "east2", "west1", "west2");

    @Test
    void killingTheInstanceRunningTheLinks20TimesUnderASteadyWriterLosesNoAcknowledgedWrite() throws Exception {
        try (CrashCluster world = CrashCluster.start("link-kills", 2)) {
            createShards(world);
            try (AckedWriter writer = AckedWriter.start(world, SHARDS)) {
                writer.awaitProgress(100);
                for (int kill = 1; kill <= KILLS; kill++) {
                    ServeProcess runner = world.awaitLinkOnline("nyc->sjc");
                    runner.kill();
                    world.startInstance();
                    ServeProcess next = world.awaitLinkOnline("nyc->sjc");
                    assertThat(next.pid())
                            .as("kill %d: another instance took the link over", kill)
                            .isNotEqualTo(runner.pid());
                    world.awaitLinkOnline("sjc->nyc");
                    writer.awaitProgress(20);
                }
                writer.stop();
                world.assertConsistent(writer, SHARDS);
            }
        }
    }

    @Test
    void anInstanceFrozenPastItsZooKeeperSessionWhileALinkAppliesHandsTheLinkOverWithoutLoss() throws Exception {
        try (CrashCluster world = CrashCluster.start("link-freeze", 2)) {
            createShards(world);
            try (AckedWriter writer = AckedWriter.start(world, SHARDS)) {
                writer.awaitProgress(100);
                ServeProcess runner = world.awaitLinkOnline("nyc->sjc");
                runner.freeze();
                await().atMost(CrashCluster.PATIENCE).until(() -> world.linkRunner("nyc->sjc")
                        .filter(p -> p != runner)
                        .isPresent());
                writer.awaitProgress(100);
                runner.thaw();
                await().atMost(CrashCluster.PATIENCE)
                        .until(() -> runner.log().contains("this instance no longer runs link nyc->sjc"));
                writer.awaitProgress(100);
                writer.stop();
                world.assertConsistent(writer, SHARDS);
            }
        }
    }

    @Test
    void sourceAndTargetMasterRestartsUnderTheWriterLoseNoAcknowledgedWrite() throws Exception {
        try (CrashCluster world = CrashCluster.start("master-restarts", 2)) {
            createShards(world);
            try (AckedWriter writer = AckedWriter.start(world, SHARDS)) {
                writer.awaitProgress(100);
                MariaDbSites.get("nyc").restart();
                writer.awaitProgress(100);
                MariaDbSites.get("sjc").restart();
                writer.awaitProgress(100);
                writer.stop();
                world.assertConsistent(writer, SHARDS);
                ServeProcess runner = world.awaitLinkOnline("nyc->sjc");
                assertThat(runner.api().get("/actuator/prometheus").body())
                        .as("the restarts were seen as transient errors and retried")
                        .containsPattern("shardhome_link_errors_total\\{[^}]*kind=\"transient\"[^}]*\\} [1-9]");
            }
        }
    }

    private static void createShards(CrashCluster world) {
        world.createShard("east1", "nyc");
        world.createShard("east2", "nyc");
        world.createShard("west1", "sjc");
        world.createShard("west2", "sjc");
    }
}
