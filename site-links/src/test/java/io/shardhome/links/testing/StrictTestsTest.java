package io.shardhome.links.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class StrictTestsTest {
    private final String before = System.getProperty(StrictTests.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(StrictTests.PROPERTY);
        } else {
            System.setProperty(StrictTests.PROPERTY, before);
        }
    }

    @Test
    void aTestThatCannotRunIsSkippedWithItsReasonByDefault() {
        System.clearProperty(StrictTests.PROPERTY);

        assertThatThrownBy(() -> StrictTests.skipOrFail("no browser"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("no browser");
    }

    @Test
    void underTheStrictPropertyItFailsNamingWhatIsMissing() {
        System.setProperty(StrictTests.PROPERTY, "true");

        assertThatThrownBy(() -> StrictTests.skipOrFail("no browser"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no browser")
                .hasMessageContaining(StrictTests.PROPERTY + "=true");
    }
}
