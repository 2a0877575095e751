package io.shardhome.service.moves;

import java.util.Objects;

/**
 * One phase a move entered, when, and why. Immutable.
 *
 * @param atMillis wall-clock time the phase was recorded (epoch milliseconds)
 * @param note what happened (empty when nothing to add)
 */
public record MoveStep(MovePhase phase, long atMillis, String note) {
    public MoveStep {
        Objects.requireNonNull(phase, "phase");
        note = note == null ? "" : note;
    }
}
