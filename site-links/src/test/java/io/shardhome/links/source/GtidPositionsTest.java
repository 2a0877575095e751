package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtidPositionsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''| 1-1-1 | 1-1-1",
                "1-1-5 | 1-1-6 | 1-1-6",
                "1-1-5,2-2-9 | 2-2-10 | 1-1-5,2-2-10",
                "1-1-5 | '' | 1-1-5"
            })
    void mariadbPositionKeepsTheLatestGtidPerDomain(String set, String gtid, String expected) {
        assertThat(GtidPositions.add(true, set, gtid)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1-1-5 | 1-1-9 | 4", "1-1-9 | 1-1-9 | 0", "'' | 1-1-3,2-2-2 | 5"})
    void mariadbLagCountsMissingSequencesPerDomain(String processed, String source, long behind) {
        assertThat(GtidPositions.behind(true, processed, source)).isEqualTo(behind);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1-1-5 | 1-1-5 | true", "1-1-5 | 1-1-6 | false", "'' | 1-1-1 | false", "1-1-5,2-2-1 | 2-2-1 | true"
            })
    void coversGtidsUpToTheSetsSequenceInTheirDomain(String set, String gtid, boolean covered) {
        assertThat(GtidPositions.covers(set, gtid)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1-1-5 ; 1-1-9 | 1-1-5", "1-1-9,2-2-3 ; 1-1-7,2-2-4 | 1-1-7,2-2-3", "1-1-9 ; '' | ''"})
    void earliestTakesTheLowestSequencePerDomain(String sets, String expected) {
        java.util.List<String> list = java.util.Arrays.stream(sets.split(";"))
                .map(String::strip)
                .map(x -> x.equals("''") ? "" : x)
                .toList();
        assertThat(GtidPositions.earliest(list)).isEqualTo(expected.equals("''") ? "" : expected);
    }
}
