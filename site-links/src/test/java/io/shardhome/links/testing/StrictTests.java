package io.shardhome.links.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether a test that cannot run here may skip itself. By default it may (JUnit reports it as skipped, with
 * the reason): a newcomer without a browser still gets the rest of the build. With the system property
 * {@value #PROPERTY}{@code =true}, which {@code .ci/run} sets, it fails instead, naming what is missing and
 * how to get it, so a missing tool can never turn a CI build green.
 */
public final class StrictTests {
    public static final String PROPERTY = "shardhome.tests.strict";

    private StrictTests() {}

    public static boolean strict() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, "false").strip());
    }

    /**
     * Skips the calling test, or fails it under {@value #PROPERTY}.
     *
     * @param reason what is missing and how to get it
     */
    public static void skipOrFail(String reason) {
        if (strict()) {
            throw new AssertionError(
                    reason + " (" + PROPERTY + "=true: tests that cannot run here fail instead of being skipped)");
        }
        System.err.println("[skipped] " + reason);
        Assumptions.abort(reason);
    }
}
