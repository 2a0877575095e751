package io.shardhome.service.moves;

import io.shardhome.links.PublishedStatus;
import java.util.Optional;

/** Preflight rules for the link that carries a moving shard to its target. Pure and thread-safe. */
final class LinkReadiness {
    static final String ONLINE = "ONLINE";

    private LinkReadiness() {}

    /**
     * Why the link is not ready for a move, or empty when it is.
     *
     * @param status the link's published status, or null when it never published one
     */
    static Optional<String> problem(String linkId, PublishedStatus status, MoveSettings settings, long nowMillis) {
        if (status == null) {
            return Optional.of("link " + linkId + " has not published a status; start the link (it must run"
                    + " in some shardhome instance) and retry the move");
        }
        long age = nowMillis - status.publishedAtMillis();
        if (age > settings.maxStatusAge().toMillis()) {
            return Optional.of("link " + linkId + " last published its status " + age / 1000 + " s ago; the"
                    + " instance running it may be down: check it and retry the move");
        }
        if (!ONLINE.equals(status.state())) {
            String why = status.pendingError().isEmpty()
                    ? status.lastTransientError()
                    : status.pendingError() + ": " + status.pendingExceptionMessage();
            return Optional.of("link " + linkId + " is " + status.state() + (why.isEmpty() ? "" : " (" + why + ")")
                    + "; bring it ONLINE and retry the move");
        }
        if (status.lagSeconds() > settings.maxLagSeconds()) {
            return Optional.of("link " + linkId + " lags " + status.lagSeconds() + " s (the bound is "
                    + settings.maxLagSeconds() + " s); wait until it catches up and retry the move");
        }
        return Optional.empty();
    }
}
