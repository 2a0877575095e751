package io.shardhome.links.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {
    @Test
    void everyScriptOfTheCorpusParsesWithAHeaderAndStopScriptsMarkTheirOffendingTransaction() {
        List<ConformanceScript> scripts = Corpus.scripts();
        assertThat(scripts).hasSizeGreaterThan(30);
        for (ConformanceScript script : scripts) {
            assertThat(script.covers()).as(script.name()).isNotBlank();
            assertThat(script.prefix()).as(script.name()).isNotEmpty();
            assertThat(script.offending().isEmpty())
                    .as(script.name())
                    .isNotEqualTo(script.expectation().stops());
        }
        assertThat(scripts).filteredOn(s -> s.expectation().stops()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theLargeSetAndTheDataFilesAreThere() {
        System.setProperty(Corpus.SET_PROPERTY, "large");
        try {
            assertThat(Corpus.scripts()).extracting(ConformanceScript::name).contains("one_gigabyte_transaction.sql");
        } finally {
            System.clearProperty(Corpus.SET_PROPERTY);
        }
        assertThat(Corpus.files().resolve("people.csv")).exists();
    }
}
