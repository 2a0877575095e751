package io.shardhome.service.moves;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.Tenure;
import io.shardhome.filter.rules.LinkRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a move's catch-up waits for before the flip: the new home must have applied every transaction of
 * the shard committed at its earlier homes, since its application writes follow at once and no barrier
 * orders them. That is the link old home -> new home up to the fence position, and for each earlier tenure
 * of the shard at a third site (ended by a move, not lost) the link from that site up to the tenure's end:
 * normally long done, but a home that wrote nothing of the shard passes its predecessors on to nobody.
 * Every link counts over all its channels. Copies at other sites need no wait here: their links order the
 * shard's transactions themselves (the handover barrier). Immutable; pure.
 *
 * @param waits the links and the positions they must have processed at the new home, the fence first
 */
record CatchUpPlan(List<Wait> waits) {
    /** Link {@code linkId} must have processed {@code position} at the new home. */
    record Wait(String linkId, GtidSet position) {
        Wait {
            Objects.requireNonNull(linkId, "linkId");
            Objects.requireNonNull(position, "position");
        }
    }

    CatchUpPlan {
        waits = List.copyOf(waits);
    }

    /** The plan for {@code move} (fenced, with its fence position) of a shard with {@code history}. */
    static CatchUpPlan of(MoveRecord move, HomeHistory history) {
        List<Wait> waits = new ArrayList<>();
        waits.add(new Wait(linkId(move.fromSite(), move.toSite()), GtidSet.parse(move.fencePosition())));
        for (Tenure t : history.tenures()) {
            boolean thirdSite = !t.site().equals(move.fromSite()) && !t.site().equals(move.toSite());
            if (thirdSite && t.ending() == Tenure.Ending.CLOSED) {
                waits.add(new Wait(linkId(t.site(), move.toSite()), t.end()));
            }
        }
        return new CatchUpPlan(waits);
    }

    private static String linkId(String from, String to) {
        return new LinkRoles(from, to).linkId();
    }
}
