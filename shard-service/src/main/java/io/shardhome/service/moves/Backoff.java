package io.shardhome.service.moves;

import java.time.Duration;

/** Pauses between retries: {@code min}, doubling up to {@code max}. Not thread-safe; one per runner. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration current;
    private int attempts;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
    }

    /** The next pause. */
    Duration next() {
        current = current == null ? min : min(current.multipliedBy(2));
        attempts++;
        return current;
    }

    /** How many pauses since the last reset. */
    int attempts() {
        return attempts;
    }

    void reset() {
        current = null;
        attempts = 0;
    }

    private Duration min(Duration d) {
        return d.compareTo(max) > 0 ? max : d;
    }
}
