package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a shard was homed, and when, in each home site's GTID terms: its last {@value #LIMIT} {@link
 * Tenure tenures}, oldest first, the last one open at the current home. A link judges a transaction by the
 * tenure it was committed in, not by the home current when the link reads it, and a copy applies the
 * earlier homes' transactions of the shard before the later ones'. Immutable.
 *
 * <p>{@link #NONE} is the history of a shard that never moved (or whose home was last set outside a move):
 * one open tenure at its home with an empty start, so that every transaction of the home counts. It is
 * shared and stored as nothing, so a map of never-moved shards costs no more than before.
 */
public final class HomeHistory {
    /** The most tenures kept; a move that makes more drops the oldest and marks the history truncated. */
    public static final int LIMIT = 16;

    /** {@link #locate}: the site was not the home when the transaction was committed. */
    public static final int OUTSIDE = -1;
    /** {@link #locate}: the transaction is older than the history: the current map must judge it. */
    public static final int UNKNOWN = -2;

    /** The history of a never-moved shard: its home since the beginning. */
    public static final HomeHistory NONE = new HomeHistory(List.of(), false);

    private final List<Tenure> tenures;
    private final boolean truncated;

    private HomeHistory(List<Tenure> tenures, boolean truncated) {
        this.tenures = tenures;
        this.truncated = truncated;
    }

    /**
     * A recorded history (as stored), oldest tenure first; an empty list gives {@link #NONE}.
     *
     * @param truncated whether older tenures were dropped (so a transaction older than the first one is
     *     of unknown tenure)
     * @throws ShardFilterException {@code INVALID_SHARD_MAP} when the tenures cannot be a history: more than
     *     {@value #LIMIT}, the last not open or another one open, or one site twice in a row
     */
    public static HomeHistory of(List<Tenure> tenures, boolean truncated) {
        if (tenures.isEmpty()) {
            if (truncated) {
                throw invalid("an empty home history cannot be truncated");
            }
            return NONE;
        }
        if (tenures.size() > LIMIT) {
            throw invalid("a home history keeps at most " + LIMIT + " tenures, got " + tenures.size());
        }
        for (int i = 0; i < tenures.size(); i++) {
            Tenure t = Objects.requireNonNull(tenures.get(i), "tenure");
            boolean last = i == tenures.size() - 1;
            if (t.isOpen() != last) {
                throw invalid("only the last tenure of a home history is open, got " + tenures);
            }
            if (i > 0 && tenures.get(i - 1).site().equals(t.site())) {
                throw invalid("a home history has " + t.site() + " twice in a row: " + tenures);
            }
        }
        return new HomeHistory(List.copyOf(tenures), truncated);
    }

    private static ShardFilterException invalid(String message) {
        return new ShardFilterException(Code.INVALID_SHARD_MAP, message);
    }

    public boolean isNone() {
        return this == NONE || tenures.isEmpty();
    }

    /** Whether older tenures were dropped to keep {@value #LIMIT}. */
    public boolean isTruncated() {
        return truncated;
    }

    /** The recorded tenures, oldest first; empty for {@link #NONE}. */
    public List<Tenure> tenures() {
        return tenures;
    }

    /** The tenures of a shard homed at {@code home}: the recorded ones, or for {@link #NONE} its one open tenure. */
    public List<Tenure> tenuresAt(Home home) {
        if (!tenures.isEmpty() || home.isLocal()) {
            return tenures;
        }
        return List.of(Tenure.open(home.value(), GtidSet.EMPTY));
    }

    /** Checks that this history belongs to a shard homed at {@code home}. */
    void requireHome(Home home, String shardId) {
        if (tenures.isEmpty()) {
            return;
        }
        Tenure current = tenures.get(tenures.size() - 1);
        if (home.isLocal() || !home.isSite(current.site())) {
            throw invalid("shard " + shardId + " is homed at " + home + " but its home history ends at "
                    + current.site() + "; a #LOCAL shard has no history, a site's history ends at that site");
        }
    }

    /**
     * The history after a move's flip from {@code from} to {@code to}: the current tenure ends at {@code
     * fromEnd} (the fence position) and {@code to}'s begins after {@code toStart} (its position at the flip).
     *
     * @throws ShardFilterException {@code INVALID_SHARD_MAP} when {@code from} is not a site or is {@code to}
     */
    public HomeHistory movedTo(Home from, String to, GtidSet fromEnd, GtidSet toStart) {
        if (from.isLocal() || from.isSite(to)) {
            throw invalid("a move goes from one site to another, not from " + from + " to " + to);
        }
        List<Tenure> next = new ArrayList<>(tenuresAt(from));
        int last = next.size() - 1;
        next.set(last, next.get(last).closedAt(fromEnd));
        next.add(Tenure.open(to, toStart));
        boolean dropped = next.size() > LIMIT;
        List<Tenure> kept = dropped ? next.subList(next.size() - LIMIT, next.size()) : next;
        return of(kept, truncated || dropped);
    }

    /**
     * The history after a failover from the dead site {@code from} to {@code to}: the current tenure ends
     * lost at {@code lostEnd} (what {@code to} had processed of the dead site: its later transactions are
     * orphans, and nobody waits for it) and {@code to}'s begins after {@code toStart} (its position at the
     * failover).
     *
     * @throws ShardFilterException {@code INVALID_SHARD_MAP} when {@code from} is not a site or is {@code to}
     */
    public HomeHistory failedOverTo(Home from, String to, GtidSet lostEnd, GtidSet toStart) {
        if (from.isLocal() || from.isSite(to)) {
            throw invalid("a failover goes from one site to another, not from " + from + " to " + to);
        }
        List<Tenure> next = new ArrayList<>(tenuresAt(from));
        int last = next.size() - 1;
        next.set(last, next.get(last).closedAt(lostEnd).lost());
        next.add(Tenure.open(to, toStart));
        boolean dropped = next.size() > LIMIT;
        List<Tenure> kept = dropped ? next.subList(next.size() - LIMIT, next.size()) : next;
        return of(kept, truncated || dropped);
    }

    /**
     * This history with the end of tenure {@code index} marked lost: its site is dead, nobody waits for it.
     *
     * @throws ShardFilterException {@code INVALID_SHARD_MAP} when the tenure is open or not recorded
     */
    public HomeHistory withLostEnd(int index) {
        if (index < 0 || index >= tenures.size() - 1) {
            throw invalid("only an ended, recorded tenure can be marked lost; there is no such tenure " + index + " in "
                    + this);
        }
        List<Tenure> next = new ArrayList<>(tenures);
        next.set(index, next.get(index).lost());
        return of(next, truncated);
    }

    /**
     * The tenure (index into {@link #tenuresAt}) in which {@code site} committed {@code gtid} as the home of
     * a shard homed at {@code home} now; {@link #OUTSIDE} when {@code site} was not the home then; {@link
     * #UNKNOWN} when the transaction is older than a truncated history or has no GTID.
     */
    public int locate(Home home, String site, Gtid gtid) {
        if (tenures.isEmpty()) {
            return home.isSite(site) ? 0 : OUTSIDE;
        }
        if (gtid == null) {
            return UNKNOWN;
        }
        int earliestAtSite = -1;
        for (int i = tenures.size() - 1; i >= 0; i--) {
            Tenure t = tenures.get(i);
            if (t.site().equals(site)) {
                if (t.contains(gtid)) {
                    return i;
                }
                earliestAtSite = i;
            }
        }
        // Positions of one site only grow: after the start of its earliest kept tenure and in none of its
        // tenures means between or after them, while another site was home.
        boolean beforeTheHistory =
                earliestAtSite < 0 || tenures.get(earliestAtSite).start().contains(gtid);
        return truncated && beforeTheHistory ? UNKNOWN : OUTSIDE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HomeHistory other && truncated == other.truncated && tenures.equals(other.tenures);
    }

    @Override
    public int hashCode() {
        return tenures.hashCode() * 31 + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return tenures.isEmpty() ? "never moved" : tenures + (truncated ? " (older tenures dropped)" : "");
    }
}
