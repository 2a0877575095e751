package io.shardhome.links.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlavourTest {
    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4f22fa47-71ca-11e1-9e33-c80aa9429562";

    @ParameterizedTest(name = "{0}: processed [{1}] covers [{2}] -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MARIADB|1-1-5|1-1-5|true",
                "MARIADB|1-1-4|1-1-5|false",
                "MARIADB|1-1-5,2-2-3|2-2-3,1-1-5|true",
                "MARIADB|2-2-3|2-2-3,1-1-5|false",
                "MARIADB|''|''|true",
                "MYSQL8|" + A + ":1-10|" + A + ":1-5|true",
                "MYSQL8|" + A + ":1-4|" + A + ":1-5|false",
                "MYSQL8|" + A + ":1-5," + B + ":1-2|" + B + ":1-2|true",
                "MYSQL8|" + A + ":1-5|" + A + ":1-5," + B + ":1|false",
                "MYSQL8|''|" + A + ":1|false",
                "MYSQL8|''|''|true"
            })
    void linkPositionCoversAMasterPositionOnlyWhenItHasEveryTransaction(
            Flavour flavour, String processed, String position, boolean covered) {
        assertThat(flavour.covers(processed, position)).isEqualTo(covered);
    }
}
