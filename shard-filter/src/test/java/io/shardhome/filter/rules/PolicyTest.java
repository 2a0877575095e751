package io.shardhome.filter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"error, ERROR", "WARN, WARN", "' Drop ', DROP", "accept, ACCEPT", "Accept, ACCEPT"})
    void parsesPolicyNamesIgnoringCaseAndBlanks(String text, Policy expected) {
        assertThat(Policy.parse(text)).isEqualTo(expected);
        assertThat(Policy.parse(expected.text())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @NullSource
    @ValueSource(strings = {"", "ignore", "errors", "stop"})
    void rejectsAnythingElseListingTheValidPolicies(String text) {
        assertThatThrownBy(() -> Policy.parse(text))
                .isInstanceOfSatisfying(
                        ShardFilterException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_POLICY))
                .hasMessage("policy '" + text + "' is unknown; use one of error, warn, drop, accept");
    }
}
