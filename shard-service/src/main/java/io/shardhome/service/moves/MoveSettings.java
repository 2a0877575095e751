package io.shardhome.service.moves;

import io.shardhome.service.fence.Grantee;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How moves run. Immutable.
 *
 * @param trustedAccounts accounts a fence leaves alone (administrators; shardhome's own account at each
 *     master, the one the move engine logs in with, is always trusted): every other account that can write
 *     the moving schema at the old home must be closable per schema, or the move is refused
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
 * @param retryMin first pause after a failure a move cannot roll back from (after the flip, or while rolling
 *     back); it doubles up to {@code retryMax} until the step succeeds
 * @param retryMax longest pause between retries
 */
public record MoveSettings(
        Set<Grantee> trustedAccounts,
        long maxLagSeconds,
        Duration maxStatusAge,
        Duration catchUpTimeout,
        Duration pollInterval,
        Duration sessionKillWait,
        Duration flipPropagationTimeout,
        Duration retryMin,
        Duration retryMax) {
    /** Administrative and system accounts of MariaDB and MySQL that log in locally only. */
    public static final List<String> DEFAULT_TRUSTED = List.of(
            "root@localhost",
            "mariadb.sys@localhost",
            "mysql.sys@localhost",
            "mysql.session@localhost",
            "mysql.infoschema@localhost");

    public MoveSettings {
        trustedAccounts = Set.copyOf(trustedAccounts);
        Objects.requireNonNull(maxStatusAge, "maxStatusAge");
        Objects.requireNonNull(catchUpTimeout, "catchUpTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sessionKillWait, "sessionKillWait");
        Objects.requireNonNull(flipPropagationTimeout, "flipPropagationTimeout");
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        if (maxLagSeconds < 0) {
            throw new IllegalArgumentException("maxLagSeconds must not be negative, got " + maxLagSeconds);
        }
    }

    /**
     * Defaults: the {@link #DEFAULT_TRUSTED} accounts, lag up to 5 s, status up to 30 s old, 10 s to catch
     * up, polled every 20 ms, 5 s for the links from the new home to see the flip, retries after 1 s
     * doubling to 60 s.
     */
    public static MoveSettings defaults() {
        return new MoveSettings(
                Set.copyOf(DEFAULT_TRUSTED.stream().map(Grantee::parse).toList()),
                5,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public MoveSettings withTrustedAccounts(Set<Grantee> accounts) {
        return new MoveSettings(
                accounts,
                maxLagSeconds,
                maxStatusAge,
                catchUpTimeout,
                pollInterval,
                sessionKillWait,
                flipPropagationTimeout,
                retryMin,
                retryMax);
    }

    public MoveSettings withCatchUpTimeout(Duration timeout) {
        return new MoveSettings(
                trustedAccounts,
                maxLagSeconds,
                maxStatusAge,
                timeout,
                pollInterval,
                sessionKillWait,
                flipPropagationTimeout,
                retryMin,
                retryMax);
    }

    public MoveSettings withFlipPropagationTimeout(Duration timeout) {
        return new MoveSettings(
                trustedAccounts,
                maxLagSeconds,
                maxStatusAge,
                catchUpTimeout,
                pollInterval,
                sessionKillWait,
                timeout,
                retryMin,
                retryMax);
    }

    public MoveSettings withRetry(Duration min, Duration max) {
        return new MoveSettings(
                trustedAccounts,
                maxLagSeconds,
                maxStatusAge,
                catchUpTimeout,
                pollInterval,
                sessionKillWait,
                flipPropagationTimeout,
                min,
                max);
    }

    public MoveSettings withMaxLagSeconds(long seconds) {
        return new MoveSettings(
                trustedAccounts,
                seconds,
                maxStatusAge,
                catchUpTimeout,
                pollInterval,
                sessionKillWait,
                flipPropagationTimeout,
                retryMin,
                retryMax);
    }
}
