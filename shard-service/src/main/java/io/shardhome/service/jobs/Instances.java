package io.shardhome.service.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/** Who runs a job and when a runner counts as gone. Pure functions. */
public final class Instances {
    /** A runner that wrote no heartbeat for this long is taken as gone (its instance stopped or crashed). */
    public static final Duration STALE = Duration.ofSeconds(60);

    private Instances() {}

    /** This JVM's name, as the leader latches of links use it ({@code pid@host}). */
    public static String self() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    public static boolean isStale(Instant heartbeat, Instant now) {
        return heartbeat == null || heartbeat.plus(STALE).isBefore(now);
    }
}
