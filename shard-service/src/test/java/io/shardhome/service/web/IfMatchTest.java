package io.shardhome.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.service.error.ServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"42\"|true|42", "42|true|42", "W/\"7\"|true|7", " \"0\" |true|0", "*|true|-1", "''|false|-1"})
    void parsesETagsWildcardAndAbsence(String header, boolean present, long version) {
        IfMatch parsed = IfMatch.parse(header);

        assertThat(parsed.present()).isEqualTo(present);
        assertThat(parsed.version().orElse(-1)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-3", "\"1\", \"2\""})
    void rejectsValuesThatAreNotVersionsWithAHint(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("If-Match: \"42\"");
    }

    @ParameterizedTest
    @CsvSource({"0, '\"0\"'", "42, '\"42\"'"})
    void etagQuotesTheVersion(long version, String etag) {
        assertThat(IfMatch.etag(version)).isEqualTo(etag);
    }
}
