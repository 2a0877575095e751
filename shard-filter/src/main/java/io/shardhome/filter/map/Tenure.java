package io.shardhome.filter.map;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import java.util.Objects;

/**
 * One period during which a site was a shard's home, in that site's own GTID terms: its transactions
 * committed after {@code start} and, for an ended period, within {@code end} were committed while it was
 * the home. Immutable.
 *
 * @param site the home site of this period
 * @param start the site's GTID set when the period began (read at the flip that made it home); empty for
 *     a shard's first home: all of that site's history counts
 * @param end the site's GTID set when the period ended (the move's fence position); empty while open
 * @param ending whether the period is open, ended by a move, or ended with its site lost
 */
public record Tenure(String site, GtidSet start, GtidSet end, Ending ending) {
    /** How a tenure ended. */
    public enum Ending {
        /** The current home: every transaction of the site after {@code start} is in it. */
        OPEN,
        /** Ended by a move's flip; {@code end} is the fence position, which every copy applies first. */
        CLOSED,
        /**
         * The site was lost while (or after) it was home (failover): {@code end} is the last position known
         * to have been shipped. Nobody waits for a lost end, and the site's later transactions are orphans.
         */
        LOST
    }

    public Tenure {
        Names.requireSiteName(site);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(ending, "ending");
        if (ending == Ending.OPEN && !end.isEmpty()) {
            throw new IllegalArgumentException("an open tenure of " + site + " has no end, got " + end);
        }
    }

    /** The current home's tenure, from {@code start} on. */
    public static Tenure open(String site, GtidSet start) {
        return new Tenure(site, start, GtidSet.EMPTY, Ending.OPEN);
    }

    public boolean isOpen() {
        return ending == Ending.OPEN;
    }

    /** Whether {@code gtid}, committed at {@link #site}, was committed during this tenure. */
    public boolean contains(Gtid gtid) {
        return !start.contains(gtid) && (ending == Ending.OPEN || end.contains(gtid));
    }

    /** This tenure ended at {@code position} by a move. */
    public Tenure closedAt(GtidSet position) {
        return new Tenure(site, start, position, Ending.CLOSED);
    }

    /** This tenure with its end marked lost (its site is dead; nobody waits for {@code end}). */
    public Tenure lost() {
        return new Tenure(site, start, end, Ending.LOST);
    }

    @Override
    public String toString() {
        String from = start.isEmpty() ? "" : " after " + start;
        return switch (ending) {
            case OPEN -> site + from;
            case CLOSED -> site + from + " until " + end;
            case LOST -> site + from + " until " + end + " (lost)";
        };
    }
}
