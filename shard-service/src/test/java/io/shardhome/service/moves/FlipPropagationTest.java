package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.links.PublishedStatus;
import io.shardhome.service.moves.FlipPropagation.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlipPropagationTest {
    private static final long NOW = 100_000;
    private static final long MAX_AGE = 30_000;

    @ParameterizedTest(name = "flip {0}, link {1} at version {2}, {3} ms old -> {4}")
    @CsvSource({
        "12, ONLINE,        12, 0,     confirmed",
        "12, ONLINE,        13, 0,     confirmed",
        "12, ONLINE,        11, 0,     waiting",
        "12, OFFLINE:ERROR, 11, 0,     waiting",
        "12, OFFLINE:ERROR, 12, 0,     confirmed",
        "12, OFFLINE,       11, 0,     ignored",
        "12, ONLINE,        11, 30000, waiting",
        "12, ONLINE,        11, 30001, ignored",
        "0,  ONLINE,        11, 0,     ignored",
        "-1, ONLINE,        11, 0,     ignored"
    })
    void aRunningLinkFromTheNewHomeMustReportTheFlippedVersion(
            long flipVersion, String state, long linkVersion, long ageMillis, String expected) {
        Progress progress = FlipPropagation.check(
                "nyc", flipVersion, Map.of("sjc", status(state, linkVersion, NOW - ageMillis)), MAX_AGE, NOW);

        assertThat(outcome(progress)).isEqualTo(expected);
        assertThat(progress.complete()).isEqualTo(!expected.equals("waiting"));
    }

    @Test
    void everyLinkFromTheNewHomeIsJudgedAndNamedInSiteOrder() {
        Progress progress = FlipPropagation.check(
                "nyc",
                12,
                Map.of(
                        "sjc", status("ONLINE", 12, NOW),
                        "lax", status("ONLINE", 9, NOW),
                        "ams", status("ONLINE", 14, NOW),
                        "fra", status("ONLINE", 10, NOW)),
                MAX_AGE,
                NOW);

        assertThat(progress.confirmed()).containsExactly("nyc->ams", "nyc->sjc");
        assertThat(progress.waiting()).containsExactly("nyc->fra", "nyc->lax");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "one confirmed | nyc->sjc | | writes open at nyc; link nyc->sjc has seen map version 12",
                "two confirmed | nyc->ams nyc->sjc | | writes open at nyc; links nyc->ams, nyc->sjc have seen map"
                        + " version 12",
                "one late | nyc->ams | nyc->sjc | writes open at nyc; link nyc->sjc had not confirmed map version 12"
                        + " within 5000 ms",
                "two late | | nyc->ams nyc->sjc | writes open at nyc; links nyc->ams, nyc->sjc had not confirmed map"
                        + " version 12 within 5000 ms",
                "no links | | | writes open at nyc"
            })
    void theHistoryNoteSaysWhichLinksHaveSeenTheFlip(String name, String confirmed, String waiting, String expected) {
        Progress progress = new Progress(links(confirmed), links(waiting));

        assertThat(FlipPropagation.openedNote("nyc", 12, progress, 5000)).isEqualTo(expected);
    }

    private static List<String> links(String spaced) {
        return spaced == null ? List.of() : Arrays.asList(spaced.split(" "));
    }

    private static String outcome(Progress progress) {
        if (!progress.confirmed().isEmpty()) {
            return "confirmed";
        }
        return progress.waiting().isEmpty() ? "ignored" : "waiting";
    }

    private static PublishedStatus status(String state, long mapVersion, long publishedAtMillis) {
        return new PublishedStatus(
                "nyc->x", state, "", "", "", 0, 0, 0, Map.of(), "", "", "", "", "", mapVersion, publishedAtMillis, "");
    }
}
