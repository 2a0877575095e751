package io.shardhome.service.fence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaPatternTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "acme, acme, true",
        "acme, ACME, false",
        "acme_eu, acme_eu, true",
        "acme_eu, acmeXeu, true",
        "acme\\_eu, acme_eu, true",
        "acme\\_eu, acmeXeu, false",
        "acme%, acme, true",
        "acme%, acme_eu_2, true",
        "acme\\%, acme%, true",
        "acme\\%, acmeX, false",
        "%, anything, true",
        "test\\_%, test_acme, true",
        "test\\_%, testXacme, false",
        "a_c, abbc, false"
    })
    void grantPatternsMatchLikeTheServerDoes(String pattern, String schema, boolean matches) {
        assertThat(SchemaPattern.matches(pattern, schema, false)).isEqualTo(matches);
    }

    @Test
    void escapedNamesMatchOnlyThemselves() {
        String escaped = SchemaPattern.escape("acme_eu");

        assertThat(escaped).isEqualTo("acme\\_eu");
        assertThat(SchemaPattern.hasWildcard(escaped)).isFalse();
        assertThat(SchemaPattern.literal(escaped)).isEqualTo("acme_eu");
        assertThat(SchemaPattern.matches(escaped, "acmeXeu", false)).isFalse();
        assertThat(SchemaPattern.hasWildcard("acme_eu")).isTrue();
        assertThat(SchemaPattern.hasPercent("acme_eu")).isFalse();
        assertThat(SchemaPattern.matches("ACME", "acme", true)).isTrue();
    }
}
