package io.shardhome.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.map.ShardDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryIT {
    @TempDir
    Path dataDir;

    @Test
    void withoutAConnectStringAnEmbeddedZooKeeperServesTheWholeDirectory() {
        Directory directory = Directory.open(DirectoryConfig.embedded(dataDir));
        try (directory) {
            DirectoryStore store = directory.store();
            long v = store.registerSite(Site.of("nyc", "db-nyc", 3306), store.version());
            long v2 = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
            await().until(() -> directory.view().current().version() == v2);

            ShardLocation location = directory.locator().locate("acme");

            assertThat(directory.isEmbedded()).isTrue();
            assertThat(location.master().host()).isEqualTo("db-nyc");
            assertThat(location.mapVersion()).isEqualTo(v2);
            assertThatThrownBy(() -> directory.locator().locate("nobody"))
                    .isInstanceOfSatisfying(
                            DirectoryException.class, e -> assertThat(e.code()).isEqualTo(Code.UNKNOWN_SHARD));
        }
        directory.close();
        assertThat(dataDir.resolve("data")).isNotEmptyDirectory();
    }
}
