package io.shardhome.filter.gtid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtidSetTest {
    private static final String U1 = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String U2 = "4e11fa47-71ca-11e1-9e33-c80aa9429562";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0-1-5,1-2-9 | 0-1-5,1-2-9",
                "1-2-9,0-1-5 | 0-1-5,1-2-9",
                "0-1-5,0-2-7 | 0-2-7",
                "'' | ''",
                "3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5:7:6 | " + U1 + ":1-7",
                U2 + ":3," + U1 + ":1-2 | " + U1 + ":1-2," + U2 + ":3",
                U1 + ":1-5:Tag:1-3 | " + U1 + ":1-5:tag:1-3"
            })
    void parsesAndPrintsCanonically(String text, String canonical) {
        assertThat(GtidSet.parse(text)).hasToString(canonical);
        assertThat(GtidSet.parse(canonical)).isEqualTo(GtidSet.parse(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0-1 | domain-server-sequence",
                "a-b-c | not a number",
                "abc:1 | uuid:interval",
                U1 + ":5-2 | empty"
            })
    void rejectsMalformedSetsNamingThem(String text, String why) {
        assertThatThrownBy(() -> GtidSet.parse(text))
                .isInstanceOf(ShardFilterException.class)
                .hasMessageContaining(text.split(",")[0])
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0-1-5,1-2-9 | 0-1-5 | true",
                "0-1-5,1-2-9 | 0-3-4 | true",
                "0-1-5,1-2-9 | 0-1-6 | false",
                "0-1-5 | 2-1-1 | false",
                "'' | 0-1-1 | false",
                U1 + ":1-5:9 | " + U1 + ":9 | true",
                U1 + ":1-5:9 | " + U1 + ":7 | false",
                U1 + ":1-5:tag:1-3 | " + U1 + ":tag:2 | true",
                U1 + ":1-5 | " + U2 + ":1 | false"
            })
    void containsGtidsByFlavour(String set, String gtid, boolean contained) {
        assertThat(GtidSet.parse(set).contains(Gtid.parse(gtid))).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0-1-5,1-2-9 | 0-1-7,1-2-9 | 2",
                "0-1-5 | 0-1-5,1-2-3 | 3",
                "0-1-9 | 0-1-5 | 0",
                "'' | 0-1-5 | 5",
                "0-1-5 | '' | 0",
                U1 + ":1-5 | " + U1 + ":1-9," + U2 + ":1-2 | 6",
                U1 + ":1-3:5 | " + U1 + ":1-5 | 1"
            })
    void countsWhatAnotherSetHasBeyondThisOne(String mine, String other, long behind) {
        GtidSet a = GtidSet.parse(mine);
        GtidSet b = GtidSet.parse(other);
        assertThat(a.behind(b)).isEqualTo(behind);
        assertThat(a.covers(b)).isEqualTo(behind == 0);
    }

    @Test
    void addingAGtidMovesItsMariaDbDomainAndExtendsMySqlIntervals() {
        assertThat(GtidSet.parse("0-1-5,1-2-9").with(Gtid.parse("0-2-6"))).hasToString("0-2-6,1-2-9");
        assertThat(GtidSet.EMPTY.with(Gtid.parse("3-3-1"))).hasToString("3-3-1");
        assertThat(GtidSet.parse(U1 + ":1-5").with(Gtid.parse(U1 + ":6"))).hasToString(U1 + ":1-6");
        assertThat(GtidSet.parse(U1 + ":1-5").with(Gtid.parse(U1 + ":8"))).hasToString(U1 + ":1-5:8");
    }

    @Test
    void earliestKeepsWhatEverySetContains() {
        assertThat(GtidSet.earliest(List.of(GtidSet.parse("0-1-5,1-2-9"), GtidSet.parse("0-1-7,1-2-3"))))
                .hasToString("0-1-5,1-2-3");
        assertThat(GtidSet.earliest(List.of(GtidSet.parse("0-1-5,1-2-9"), GtidSet.parse("0-1-7"))))
                .hasToString("0-1-5");
        assertThat(GtidSet.earliest(List.of(GtidSet.parse(U1 + ":1-9"), GtidSet.parse(U1 + ":3-12"))))
                .hasToString(U1 + ":3-9");
        assertThat(GtidSet.earliest(List.of())).isEqualTo(GtidSet.EMPTY);
    }

    @Test
    void latestHoldsWhatAnySetContains() {
        assertThat(GtidSet.latest(List.of(GtidSet.parse("0-1-5,1-2-9"), GtidSet.parse("0-1-7,2-3-1"))))
                .hasToString("0-1-7,1-2-9,2-3-1");
        assertThat(GtidSet.latest(List.of(GtidSet.parse(U1 + ":1-3"), GtidSet.parse(U1 + ":4-9:12"))))
                .hasToString(U1 + ":1-9:12");
        assertThat(GtidSet.latest(List.of(GtidSet.EMPTY, GtidSet.parse("0-1-5"))))
                .hasToString("0-1-5");
        assertThat(GtidSet.latest(List.of())).isEqualTo(GtidSet.EMPTY);
    }

    @Test
    void refusesToMixFlavours() {
        assertThatThrownBy(() -> GtidSet.parse("0-1-5").covers(GtidSet.parse(U1 + ":1")))
                .isInstanceOf(ShardFilterException.class)
                .hasMessageContaining("cannot combine");
    }
}
