package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkKeysTest {

    @ParameterizedTest
    @CsvSource({
        "nyc->sjc, nyc.sjc, nyc->sjc",
        "nyc.sjc, nyc.sjc, nyc->sjc",
        "eu-west_1->us-east_2, eu-west_1.us-east_2, eu-west_1->us-east_2"
    })
    void linkIdsMapToDirectoryKeysAndBack(String given, String key, String id) {
        assertThat(LinkKeys.key(given)).isEqualTo(key);
        assertThat(LinkKeys.id(LinkKeys.key(given))).isEqualTo(id);
    }
}
