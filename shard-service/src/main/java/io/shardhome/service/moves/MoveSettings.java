package io.shardhome.service.moves;

import java.time.Duration;
import java.util.Objects;

/**
 * How moves run. Immutable.
 *
 * @param appAccount the application account whose schema write grants a move revokes at the source and
 *     grants at the target
 * @param maxLagSeconds preflight refuses when the link source-to-target lags more than this
 * @param maxStatusAge preflight refuses when the link's published status is older than this (the link's
 *     host may be dead)
 * @param catchUpTimeout how long the target may take to apply the fenced source position before the move
 *     rolls back; this bounds the write outage of a failed move
 * @param pollInterval how often the target's applied position is read while catching up
 * @param sessionKillWait how long to wait for killed application sessions to end before reading the
 *     source position
 * @param flipPropagationTimeout after the flip, how long a move waits for the links from the new home to
 *     report the flipped map version before it opens writes there anyway (a link that has not seen the
 *     flip would stop on the first write as a wrong-master write, until the new map reaches it)
 */
public record MoveSettings(
        AppAccount appAccount,
        long maxLagSeconds,
        Duration maxStatusAge,
        Duration catchUpTimeout,
        Duration pollInterval,
        Duration sessionKillWait,
        Duration flipPropagationTimeout) {
    public MoveSettings {
        Objects.requireNonNull(appAccount, "appAccount");
        Objects.requireNonNull(maxStatusAge, "maxStatusAge");
        Objects.requireNonNull(catchUpTimeout, "catchUpTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sessionKillWait, "sessionKillWait");
        Objects.requireNonNull(flipPropagationTimeout, "flipPropagationTimeout");
        if (maxLagSeconds < 0) {
            throw new IllegalArgumentException("maxLagSeconds must not be negative, got " + maxLagSeconds);
        }
    }

    /**
     * Defaults: lag up to 5 s, status up to 30 s old, 10 s to catch up, polled every 20 ms, 5 s for the
     * links from the new home to see the flip.
     */
    public static MoveSettings defaults(AppAccount appAccount) {
        return new MoveSettings(
                appAccount,
                5,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    public MoveSettings withCatchUpTimeout(Duration timeout) {
        return new MoveSettings(
                appAccount,
                maxLagSeconds,
                maxStatusAge,
                timeout,
                pollInterval,
                sessionKillWait,
                flipPropagationTimeout);
    }

    public MoveSettings withFlipPropagationTimeout(Duration timeout) {
        return new MoveSettings(
                appAccount, maxLagSeconds, maxStatusAge, catchUpTimeout, pollInterval, sessionKillWait, timeout);
    }
}
