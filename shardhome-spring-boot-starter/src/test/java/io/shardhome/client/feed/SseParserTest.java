package io.shardhome.client.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<SseParser.Event> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void anEmptyLineEndsAnEventWithItsNameIdAndData() {
        feed("event: map", "id: 7", "data: {\"version\":7}", "", "event:heartbeat", "data:{}", "");

        assertThat(events)
                .containsExactly(
                        new SseParser.Event("map", "7", "{\"version\":7}"),
                        new SseParser.Event("heartbeat", null, "{}"));
    }

    @Test
    void dataLinesJoinWithNewlinesAndCommentsAndUnknownFieldsAreIgnored() {
        feed(": keep-alive", "retry: 1000", "data: first", "data: second", "colour: blue", "");

        assertThat(events).containsExactly(new SseParser.Event("message", null, "first\nsecond"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndDoesNotLeakIntoTheNext() {
        feed("event: lonely", "", "data: x", "");

        assertThat(events).containsExactly(new SseParser.Event("message", null, "x"));
    }
}
