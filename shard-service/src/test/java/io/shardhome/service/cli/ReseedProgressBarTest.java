package io.shardhome.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReseedProgressBarTest {
    @Test
    void theBarShowsRowsAgainstTheHomesEstimateAndNeverPassesFull() {
        assertThat(ShardReseedCommand.bar(50, 100))
                .isEqualTo("[" + "#".repeat(15) + ".".repeat(15) + "] 50% 50/100 rows");
        assertThat(ShardReseedCommand.bar(120, 100)).startsWith("[" + "#".repeat(30) + "] 100% 120/120");
        assertThat(ShardReseedCommand.bar(0, 0)).contains("0%");
    }
}
