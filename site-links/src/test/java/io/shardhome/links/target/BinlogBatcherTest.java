package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.LinkException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinlogBatcherTest {
    private final List<List<String>> sent = new ArrayList<>();

    /** A fake event: header with its type, table id and flags, padded to {@code size} bytes. */
    private static byte[] event(int type, long tableId, boolean end, int size) {
        byte[] e = new byte[size];
        e[4] = (byte) type;
        for (int i = 0; i < 6; i++) {
            e[19 + i] = (byte) (tableId >> (8 * i));
        }
        e[25] = (byte) (end ? 1 : 0);
        return e;
    }

    private static String name(byte[] e) {
        return (e[4] == 19 ? "map" : "rows") + e[19] + (e[25] == 1 ? "!" : "");
    }

    private BinlogBatcher batcher(long max) {
        return new BinlogBatcher(
                max,
                events -> sent.add(events.stream().map(BinlogBatcherTest::name).toList()));
    }

    @Test
    void aStatementCutAcrossBatchesHasItsTableMapsSentAgain() throws Exception {
        BinlogBatcher batcher = batcher(100);
        batcher.add(event(19, 1, false, 30));
        batcher.add(event(19, 2, false, 30));
        batcher.add(event(23, 1, false, 30));
        batcher.add(event(23, 2, false, 30));
        batcher.add(event(23, 1, true, 30));
        batcher.add(event(19, 3, false, 30));
        batcher.add(event(23, 3, true, 30));
        batcher.finish();

        assertThat(sent)
                .containsExactly(
                        List.of("map1", "map2", "rows1"),
                        List.of("map1", "map2", "rows2"),
                        List.of("map1", "map2", "rows1!"),
                        List.of("map3", "rows3!"));
    }

    @Test
    void wholeStatementsShareABatchUpToTheLimit() throws Exception {
        BinlogBatcher batcher = batcher(1000);
        batcher.add(event(19, 1, false, 30));
        batcher.add(event(23, 1, true, 30));
        batcher.add(event(19, 1, false, 30));
        batcher.add(event(24, 1, true, 30));
        batcher.finish();

        assertThat(sent).containsExactly(List.of("map1", "rows1!", "map1", "rows1!"));
    }

    @Test
    void aRowEventWithoutItsTableMapIsRefusedNotSent() {
        BinlogBatcher batcher = batcher(1000);

        assertThatThrownBy(() -> batcher.add(event(23, 9, true, 30)))
                .isInstanceOfSatisfying(
                        LinkException.class, e -> assertThat(e.getMessage()).contains("table id 9"));
        assertThat(sent).isEmpty();
    }
}
