package io.shardhome.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FreshCopyReadsTest {
    private static final DirectorySnapshot MAP = DirectorySnapshot.of(
            4,
            List.of(Site.of("nyc", "10.0.0.1", 3306), Site.of("sjc", "10.0.0.2", 3306)),
            List.of(
                    ShardEntry.of("acme", "sjc", false),
                    ShardEntry.of("pinnacle", "nyc", false),
                    ShardEntry.of("scratch", "#LOCAL", false)));

    /** A map source holding a fixed map and the link healths it was told (pure: no I/O). */
    private static final class HeldMap implements MapSource {
        final Map<String, LinkHealth> links = new HashMap<>();
        boolean current = true;

        @Override
        public DirectorySnapshot snapshot() {
            return MAP;
        }

        @Override
        public OptionalLong lastFencedNanos(String shardId) {
            return OptionalLong.empty();
        }

        @Override
        public void awaitReady(Duration timeout) {}

        @Override
        public State state() {
            return current ? State.CURRENT : State.STALE;
        }

        @Override
        public Optional<LinkHealth> link(String source, String target) {
            return current ? Optional.ofNullable(links.get(source + "->" + target)) : Optional.empty();
        }

        @Override
        public String origin() {
            return "test";
        }

        @Override
        public void close() {}
    }

    private final HeldMap source = new HeldMap();
    private final FreshCopyReads reads = new FreshCopyReads("nyc", Duration.ofSeconds(2), source);

    private Optional<String> copyFor(String shard) {
        ShardLocation location = new ShardLocator(source).locate(shard);
        return reads.copySite(location);
    }

    @Test
    void theLocalCopyServesReadsWhileItsLinkIsOnlineAndWithinTheLag() {
        source.links.put("sjc->nyc", new LinkHealth("sjc", "nyc", "ONLINE", 2));

        assertThat(copyFor("acme")).contains("nyc");
    }

    @Test
    void aLaggingStoppedOrUnknownLinkSendsReadsHome() {
        source.links.put("sjc->nyc", new LinkHealth("sjc", "nyc", "ONLINE", 3));
        assertThat(copyFor("acme")).isEmpty();
        source.links.put("sjc->nyc", new LinkHealth("sjc", "nyc", "OFFLINE:ERROR", 0));
        assertThat(copyFor("acme")).isEmpty();
        source.links.clear();
        assertThat(copyFor("acme")).isEmpty();
    }

    @Test
    void aSourceThatHearsNothingFromItsOriginTrustsNoCopy() {
        source.links.put("sjc->nyc", new LinkHealth("sjc", "nyc", "ONLINE", 0));
        source.current = false;

        assertThat(copyFor("acme")).isEmpty();
    }

    @Test
    void shardsHomedLocallyOrLocalShardsNeedNoCopy() {
        source.links.put("nyc->sjc", new LinkHealth("nyc", "sjc", "ONLINE", 0));

        assertThat(copyFor("pinnacle")).isEmpty();
        assertThat(copyFor("scratch")).isEmpty();
        assertThat(new FreshCopyReads("lon", Duration.ofSeconds(2), source)
                        .copySite(new ShardLocator(source).locate("acme")))
                .isEmpty();
    }
}
