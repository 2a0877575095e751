package io.shardhome.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardLocatorTest {
    private static final Site NYC = Site.of("nyc", "db-nyc", 3306);
    private static final Site SJC = Site.of("sjc", "db-sjc", 3307);

    private final ShardLocator locator = new ShardLocator(() -> DirectorySnapshot.of(
            7,
            List.of(NYC, SJC),
            List.of(
                    ShardEntry.of("acme", "nyc", true),
                    ShardEntry.of("beta", "sjc", false).withState(ShardState.FENCED, "nyc"),
                    ShardEntry.of("scratch", "#LOCAL", false))));

    @ParameterizedTest
    @CsvSource({"acme, nyc, db-nyc, ACTIVE, true", "beta, sjc, db-sjc, FENCED, false"})
    void locateReturnsHomeMasterStateAndVersion(
            String shard, String home, String host, ShardState state, boolean critical) {
        ShardLocation location = locator.locate(shard);

        assertThat(location.home().value()).isEqualTo(home);
        assertThat(location.master().host()).isEqualTo(host);
        assertThat(location.state()).isEqualTo(state);
        assertThat(location.critical()).isEqualTo(critical);
        assertThat(location.mapVersion()).isEqualTo(7);
    }

    @Test
    void localShardHasNoMaster() {
        assertThat(locator.locate("scratch").master()).isNull();
        assertThat(locator.locate("scratch").home().isLocal()).isTrue();
    }

    @Test
    void locateUnknownShardFailsNamingShardAndVersion() {
        assertThatThrownBy(() -> locator.locate("nobody")).isInstanceOfSatisfying(DirectoryException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.UNKNOWN_SHARD);
            assertThat(e.getMessage()).contains("'nobody'").contains("version 7");
        });
    }
}
