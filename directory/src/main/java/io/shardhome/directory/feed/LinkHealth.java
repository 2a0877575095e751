package io.shardhome.directory.feed;

import java.util.Objects;

/**
 * What a client needs to know about a link to decide whether its target's copy may serve reads: its
 * state and how far behind it is. Immutable.
 *
 * @param source the site the link reads
 * @param target the site it applies to (the copy)
 * @param state {@code ONLINE}, {@code OFFLINE}, {@code OFFLINE:ERROR}, or {@value #UNKNOWN} when its
 *     published status is missing, unreadable or too old (no instance runs it)
 * @param lagSeconds seconds between the source commit of the last transaction it processed and the moment
 *     it published (0 when caught up)
 */
public record LinkHealth(String source, String target, String state, long lagSeconds) {
    /** The state of a link whose status is missing, unreadable or too old. */
    public static final String UNKNOWN = "UNKNOWN";

    public static final String ONLINE = "ONLINE";

    public LinkHealth {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        state = state == null || state.isBlank() ? UNKNOWN : state;
    }

    /** The link id, {@code source->target}. */
    public String linkId() {
        return source + "->" + target;
    }

    /** Whether it runs and is at most {@code maxLagSeconds} behind. */
    public boolean freshWithin(long maxLagSeconds) {
        return ONLINE.equals(state) && lagSeconds <= maxLagSeconds;
    }
}
