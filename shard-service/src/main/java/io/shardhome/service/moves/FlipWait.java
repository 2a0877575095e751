package io.shardhome.service.moves;

import io.shardhome.directory.DirectoryException;
import io.shardhome.links.PublishedStatus;
import io.shardhome.service.moves.FlipPropagation.Progress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, after a move's flip, until the links from the new home publish the flipped map version (see
 * {@link FlipPropagation}), at most {@link MoveSettings#flipPropagationTimeout()}, polling the published
 * statuses every {@link MoveSettings#pollInterval()}. Running links publish on every map change, so the
 * wait normally lasts one directory write. It never fails the move: on a timeout writes open anyway
 * (such a link resumes by itself when the map reaches it) and the move's history says so.
 */
final class FlipWait {
    private static final Logger LOG = LoggerFactory.getLogger(FlipWait.class);

    private FlipWait() {}

    /**
     * Waits as above for {@code move}, which has flipped.
     *
     * @return the history note for opening writes at the new home, naming the links and the outcome
     * @throws InterruptedException when the engine closes: the move stays FLIPPED for recovery
     */
    static String await(MoveContext ctx, MoveRecord move) throws InterruptedException {
        long flipVersion = move.flipMapVersion();
        long started = System.nanoTime();
        long timeoutNanos = ctx.settings().flipPropagationTimeout().toNanos();
        Progress last = look(ctx, move);
        while (!last.complete() && System.nanoTime() - started < timeoutNanos) {
            Thread.sleep(ctx.settings().pollInterval().toMillis());
            last = look(ctx, move);
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        String note = FlipPropagation.openedNote(move.toSite(), flipVersion, last, waited);
        if (!last.complete()) {
            LOG.warn(
                    "move {}: {}; the first writes may stop those links (OFFLINE:ERROR) until the new map reaches"
                            + " them: check that their instances reach ZooKeeper",
                    move.moveId(),
                    note);
        }
        return note;
    }

    private static Progress look(MoveContext ctx, MoveRecord move) {
        if (move.flipMapVersion() <= 0) {
            return new Progress(List.of(), List.of());
        }
        return FlipPropagation.check(
                move.toSite(),
                move.flipMapVersion(),
                statusesFrom(ctx, move.toSite()),
                ctx.settings().maxStatusAge().toMillis(),
                System.currentTimeMillis());
    }

    /** The published status of each link from {@code site}, by target; an unreadable one counts as absent. */
    private static Map<String, PublishedStatus> statusesFrom(MoveContext ctx, String site) {
        Map<String, PublishedStatus> byTarget = new HashMap<>();
        String prefix = site + "."; // status keys are source.target (LinkStatusPublisher.directoryKey)
        try {
            for (String key : ctx.linkStatus().linkIds()) {
                if (key.startsWith(prefix)) {
                    ctx.linkStatus()
                            .read(key, PublishedStatus.class)
                            .ifPresent(status -> byTarget.put(key.substring(prefix.length()), status));
                }
            }
        } catch (DirectoryException e) {
            LOG.warn("reading the link statuses failed ({}); looking again until the flip wait ends", e.getMessage());
        }
        return byTarget;
    }
}
