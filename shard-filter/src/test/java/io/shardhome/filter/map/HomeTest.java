package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HomeTest {

    @ParameterizedTest(name = "{0}: local={1}, isSite(nyc)={2}")
    @CsvSource({"nyc, false, true", "sjc, false, false", "#LOCAL, true, false", "#local, true, false"})
    void parsesSitesAndLocal(String text, boolean local, boolean atNyc) {
        Home home = Home.parse(text);

        assertThat(home.isLocal()).isEqualTo(local);
        assertThat(home.isSite("nyc")).isEqualTo(atNyc);
    }

    @Test
    void localNeverCountsAsASiteNamedLikeIt() {
        assertThat(Home.LOCAL.isSite(Home.LOCAL_TEXT)).isFalse();
        assertThat(Home.site(Home.LOCAL_TEXT)).isSameAs(Home.LOCAL);
    }

    @Test
    void parsedHomesOfOneSiteAreSharedInstances() {
        assertThat(Home.parse(new String("nyc"))).isSameAs(Home.parse("nyc")).isEqualTo(new Home("nyc"));
        assertThat(Home.parse("#Local")).isSameAs(Home.LOCAL);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"#REMOTE", "#", "NYC", "new york", ""})
    void rejectsInvalidHomesAsInvalidSiteName(String text) {
        assertThatThrownBy(() -> Home.parse(text))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_SITE_NAME));
    }
}
