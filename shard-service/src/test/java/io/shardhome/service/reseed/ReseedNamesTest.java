package io.shardhome.service.reseed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReseedNamesTest {
    @Test
    void theHelperLinksIdStaysWithinTheCatalogsEightyCharacters() {
        assertThat(Reseeder.helperSuffix("nyc->sjc", java.util.List.of("acme"))).isEqualTo("~reseed-acme");
        String longShard = "s".repeat(64);
        assertThat(("nyc->sjc" + Reseeder.helperSuffix("nyc->sjc", java.util.List.of(longShard))).length())
                .isLessThanOrEqualTo(80);
        assertThat(Reseeder.helperSuffix("nyc->sjc", java.util.List.of("a", "b")))
                .isEqualTo("~reseed-all");
    }
}
