package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.service.error.ServiceException;
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

    @ParameterizedTest
    @CsvSource({"nyc->sjc, nyc, sjc", "sjc.nyc, sjc, nyc", "a-b->c_d, a-b, c_d"})
    void eitherSpellingNamesSourceAndTarget(String given, String source, String target) {
        assertThat(LinkKeys.roles(given)).isEqualTo(new LinkRoles(source, target));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            nyc            | it names no source and target
            ''             | it names no source and target
            nyc->          | site name is empty
            ->sjc          | site name is empty
            nyc->sjc->lon  | site name 'sjc->lon' is invalid
            nyc.sjc.lon    | site name 'sjc.lon' is invalid
            NYC->sjc       | site name 'NYC' is invalid
            nyc->nyc       | two different sites
            """)
    void malformedIdIsInvalidInputSayingWhyAndHowToWriteOne(String given, String why) {
        ServiceException failure = catchThrowableOfType(ServiceException.class, () -> LinkKeys.key(given));

        assertThat(failure.code()).isEqualTo(ServiceException.Code.INVALID_INPUT);
        assertThat(failure.getMessage())
                .contains("link id '" + given + "' is malformed", why, "write source->target or source.target");
    }
}
