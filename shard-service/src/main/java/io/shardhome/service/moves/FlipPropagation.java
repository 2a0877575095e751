package io.shardhome.service.moves;

import io.shardhome.links.PublishedStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the links from a move's new home have seen the flip, judged from their published statuses. A
 * link that still holds the old map would take the first write at the new home for a wrong-master write
 * and stop (OFFLINE:ERROR) until the new map reaches it, so writes open only once these links report the
 * flipped map version, or the wait times out. Pure and thread-safe.
 */
final class FlipPropagation {
    static final String OFFLINE = "OFFLINE";

    private FlipPropagation() {}

    /**
     * Which links from the new home must still report the flip.
     *
     * @param newHome the site the shard moved to
     * @param flipMapVersion the map version holding the flip; 0 or less (a record from before it was
     *     recorded) means nothing to wait for
     * @param statusByTarget the published status of each link from {@code newHome}, by its target site
     * @param maxStatusAgeMillis an older status means no instance runs the link: it does not count
     * @param nowMillis the current time
     */
    static Progress check(
            String newHome,
            long flipMapVersion,
            Map<String, PublishedStatus> statusByTarget,
            long maxStatusAgeMillis,
            long nowMillis) {
        List<String> confirmed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        if (flipMapVersion <= 0) {
            return new Progress(confirmed, waiting);
        }
        new TreeMap<>(statusByTarget).forEach((target, status) -> {
            String linkId = newHome + "->" + target;
            if (!counts(status, maxStatusAgeMillis, nowMillis)) {
                return;
            }
            (status.mapVersion() >= flipMapVersion ? confirmed : waiting).add(linkId);
        });
        return new Progress(confirmed, waiting);
    }

    /**
     * Whether the link runs somewhere and may read the new home's binlog with a stale map: its status is
     * fresh and it is not stopped (a stopped link reads the map current when it starts again).
     */
    private static boolean counts(PublishedStatus status, long maxStatusAgeMillis, long nowMillis) {
        return status != null
                && nowMillis - status.publishedAtMillis() <= maxStatusAgeMillis
                && !OFFLINE.equals(status.state());
    }

    /** The history note of a move whose writes open at {@code newHome} now. */
    static String openedNote(String newHome, long flipMapVersion, Progress last, long waitedMillis) {
        String note = "writes open at " + newHome;
        if (!last.waiting().isEmpty()) {
            return note + "; " + describe(last.waiting(), "had", "had") + " not confirmed map version " + flipMapVersion
                    + " within " + waitedMillis + " ms";
        }
        if (!last.confirmed().isEmpty()) {
            return note + "; " + describe(last.confirmed(), "has", "have") + " seen map version " + flipMapVersion;
        }
        return note;
    }

    private static String describe(List<String> links, String one, String many) {
        return (links.size() == 1 ? "link " : "links ") + String.join(", ", links) + " "
                + (links.size() == 1 ? one : many);
    }

    /**
     * One look at the links from the new home.
     *
     * @param confirmed links that report the flipped map version (or a newer one)
     * @param waiting links that run but still report an older one
     */
    record Progress(List<String> confirmed, List<String> waiting) {
        Progress {
            confirmed = List.copyOf(confirmed);
            waiting = List.copyOf(waiting);
        }

        boolean complete() {
            return waiting.isEmpty();
        }
    }
}
