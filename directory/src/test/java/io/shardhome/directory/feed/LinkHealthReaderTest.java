package io.shardhome.directory.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHealthReaderTest {
    private final LinkHealthReader reader = new LinkHealthReader(null, Duration.ofSeconds(10));

    @Test
    void aFreshStatusIsTakenAsPublished() {
        LinkHealth health =
                reader.health("sjc", "nyc", Optional.of(new LinkHealthReader.Published("ONLINE", 2, 50_000)), 55_000);

        assertThat(health).isEqualTo(new LinkHealth("sjc", "nyc", "ONLINE", 2));
        assertThat(health.freshWithin(2)).isTrue();
        assertThat(health.freshWithin(1)).isFalse();
    }

    @Test
    void anOldOrMissingStatusIsUnknownAndNeverFresh() {
        LinkHealth old =
                reader.health("sjc", "nyc", Optional.of(new LinkHealthReader.Published("ONLINE", 0, 1_000)), 20_000);
        LinkHealth missing = reader.health("sjc", "nyc", Optional.empty(), 20_000);

        assertThat(old.state()).isEqualTo(LinkHealth.UNKNOWN);
        assertThat(missing.state()).isEqualTo(LinkHealth.UNKNOWN);
        assertThat(old.freshWithin(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aStoppedLinkIsNeverFresh() {
        assertThat(new LinkHealth("sjc", "nyc", "OFFLINE:ERROR", 0).freshWithin(60))
                .isFalse();
        assertThat(new LinkHealth("sjc", "nyc", null, 0).state()).isEqualTo(LinkHealth.UNKNOWN);
    }
}
