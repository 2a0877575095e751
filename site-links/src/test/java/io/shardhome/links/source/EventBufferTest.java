package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBufferTest {
    private static byte[] event(int n, int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) n);
        return bytes;
    }

    private static List<List<byte[]>> batches(EventBuffer buffer, long max) {
        List<List<byte[]>> batches = new ArrayList<>();
        buffer.forEachBatch(max, batch -> batches.add(List.copyOf(batch)));
        return batches;
    }

    @Test
    void batchesEventsInOrderUpToTheLimitAndAnOversizedEventAlone() {
        try (EventBuffer buffer = new EventBuffer()) {
            buffer.add(event(1, 40));
            buffer.add(event(2, 40));
            buffer.add(event(3, 150));
            buffer.add(event(4, 10));

            List<List<byte[]>> batches = batches(buffer, 100);

            assertThat(batches).hasSize(3);
            assertThat(batches.get(0)).extracting(b -> b[0]).containsExactly((byte) 1, (byte) 2);
            assertThat(batches.get(1)).extracting(b -> b[0]).containsExactly((byte) 3);
            assertThat(batches.get(2)).extracting(b -> b[0]).containsExactly((byte) 4);
            assertThat(buffer.bytes()).isEqualTo(240);
            assertThat(buffer.count()).isEqualTo(4);
        }
    }

    @Test
    void spillsPastItsMemoryLimitAndReadsEverythingBackInOrderRepeatedly() {
        EventBuffer buffer = new EventBuffer(100);
        for (int i = 0; i < 50; i++) {
            buffer.add(event(i, 30));
        }
        assertThat(buffer.spilled()).isTrue();

        for (int round = 0; round < 2; round++) {
            List<Byte> order = new ArrayList<>();
            buffer.forEachBatch(90, batch -> batch.forEach(e -> order.add(e[0])));
            assertThat(order).hasSize(50);
            for (int i = 0; i < 50; i++) {
                assertThat(order.get(i)).isEqualTo((byte) i);
            }
        }
        buffer.close();
        assertThat(buffer.spilled()).isFalse();
    }
}
