package io.shardhome.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.filter.ShardFilterException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ShardContextTest {

    @Test
    void runAndCallSetTheShardForTheWorkAndRestoreTheOuterOne() {
        String seen = ShardContext.call(
                "acme",
                () -> ShardContext.call("pinnacle", AccessMode.READ_ONLY, () -> {
                            ShardContext.Current inner = ShardContext.current().orElseThrow();
                            return inner.shardId() + "/" + inner.mode() + " in "
                                    + ShardContext.call("acme", () -> ShardContext.current()
                                            .orElseThrow()
                                            .shardId());
                        })
                        + " then " + ShardContext.current().orElseThrow().shardId());

        assertThat(seen).isEqualTo("pinnacle/READ_ONLY in acme then acme");
        assertThat(ShardContext.current()).isEmpty();
    }

    @Test
    void theShardIsRestoredWhenTheWorkFailsAndTheFailureComesThroughUnchanged() {
        assertThatThrownBy(() -> ShardContext.run("acme", () -> {
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(ShardContext.current()).isEmpty();
    }

    @Test
    void anInvalidShardIdIsRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> ShardContext.run("no such shard!", () -> {})).isInstanceOf(ShardFilterException.class);
        assertThat(ShardContext.current()).isEmpty();
    }
}
