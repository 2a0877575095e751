package io.shardhome.service.links;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a link's published status still describes the link: it is stale when no running instance is
 * in the link's leader election (the instance that published it is gone and none took over), or when it
 * has not been republished for {@link #staleAfter()} (its instance is stuck or cut off from ZooKeeper; a
 * running link republishes every publish interval). Immutable; pure.
 *
 * @param staleAfter how old a status may get before it is stale
 */
public record LinkFreshness(Duration staleAfter) {
    /** A status is stale after three missed publications, but never sooner than this. */
    static final Duration MIN_STALE_AFTER = Duration.ofSeconds(5);

    /** The freshness rule for links that publish every {@code publishInterval}. */
    public static LinkFreshness forPublishInterval(Duration publishInterval) {
        Duration three = publishInterval.multipliedBy(3);
        return new LinkFreshness(three.compareTo(MIN_STALE_AFTER) > 0 ? three : MIN_STALE_AFTER);
    }

    /**
     * Why a status published at {@code publishedAtMillis} is stale at {@code nowMillis}, or empty when it is
     * fresh.
     *
     * @param hostsRunning how many running instances are in the link's leader election
     */
    public Optional<String> staleReason(long publishedAtMillis, long nowMillis, int hostsRunning) {
        if (hostsRunning == 0) {
            return Optional.of("no running instance runs this link (none is in its leader election): the instance"
                    + " that published this status is gone; start an instance configured with the link");
        }
        long age = Math.max(0, nowMillis - publishedAtMillis);
        if (publishedAtMillis <= 0 || age > staleAfter.toMillis()) {
            return Optional.of("not republished for " + age / 1000 + " s (expected within " + staleAfter.toSeconds()
                    + " s): the instance running the link may be stuck or cut off from ZooKeeper; check its log");
        }
        return Optional.empty();
    }
}
