package io.shardhome.links.preflight;

import java.util.List;
import java.util.Optional;

/** One global variable that must have one value. Pure. */
final class Expect {
    /** Shown as the value of a variable the server should have but did not report. */
    static final String NOT_REPORTED = "not reported by the server";

    private Expect() {}

    /**
     * Adds a failure to {@code into} unless {@code name} is {@code needed} (case-insensitive).
     *
     * @param required whether a server without the variable fails too; false for variables that only
     *     some versions have and whose absence means the feature they switch does not exist
     */
    static void value(
            List<PreflightFailure> into, ServerFacts facts, String name, String needed, boolean required, String why) {
        value(into, facts, name, needed, required, why, facts.setGlobal(name, needed.isEmpty() ? "''" : needed));
    }

    static void value(
            List<PreflightFailure> into,
            ServerFacts facts,
            String name,
            String needed,
            boolean required,
            String why,
            String fix) {
        Optional<String> actual = facts.variable(name);
        if (actual.isEmpty() && !required
                || actual.isPresent() && actual.get().strip().equalsIgnoreCase(needed)) {
            return;
        }
        into.add(facts.failure(name, actual.orElse(NOT_REPORTED), needed.isEmpty() ? "'' (empty)" : needed, why, fix));
    }
}
