package io.shardhome.filter.gtid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable set of GTIDs, MariaDB or MySQL flavoured, as a link position or a master's executed set.
 *
 * <p>MariaDB: one position per replication domain, {@code domain-server-seq}; the set contains every GTID
 * of that domain up to {@code seq} (which is how a MariaDB master reads a replica's position). MySQL:
 * intervals of transaction numbers per source uuid (and tag). The empty set belongs to both flavours;
 * combining sets of different flavours is an error.
 */
public final class GtidSet {
    public static final GtidSet EMPTY = new GtidSet(null, Map.of(), Map.of());

    private final GtidFlavour flavour;
    /** MariaDB: the position per domain. */
    private final Map<Long, Gtid> positions;
    /** MySQL: per {@code uuid} or {@code uuid:tag}, sorted disjoint inclusive intervals {@code [from, to]}. */
    private final Map<String, List<long[]>> intervals;

    private GtidSet(GtidFlavour flavour, Map<Long, Gtid> positions, Map<String, List<long[]>> intervals) {
        this.flavour = flavour;
        this.positions = positions;
        this.intervals = intervals;
    }

    /**
     * Parses a GTID set as the servers print it: MariaDB {@code 0-1-5,1-2-9}, MySQL {@code uuid:1-5:7,uuid2:1-3}
     * (with tags: {@code uuid:1-5:tag:1-3}); blank means empty.
     *
     * @throws io.shardhome.filter.ShardFilterException {@code INVALID_GTID} for anything else
     */
    public static GtidSet parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return GtidFlavour.of(text) == GtidFlavour.MARIADB ? MariaDbGtids.parse(text) : MySqlGtids.parse(text);
    }

    static GtidSet ofPositions(Map<Long, Gtid> positions) {
        return positions.isEmpty()
                ? EMPTY
                : new GtidSet(
                        GtidFlavour.MARIADB, java.util.Collections.unmodifiableMap(new TreeMap<>(positions)), Map.of());
    }

    static GtidSet ofIntervals(Map<String, List<long[]>> intervals) {
        if (intervals.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<long[]>> copy = new TreeMap<>();
        intervals.forEach((source, list) -> copy.put(source, List.copyOf(list)));
        return new GtidSet(GtidFlavour.MYSQL, Map.of(), java.util.Collections.unmodifiableMap(copy));
    }

    public boolean isEmpty() {
        return flavour == null;
    }

    /** The flavour, or empty for the empty set. */
    public java.util.Optional<GtidFlavour> flavour() {
        return java.util.Optional.ofNullable(flavour);
    }

    Map<Long, Gtid> positions() {
        return positions;
    }

    Map<String, List<long[]>> intervals() {
        return intervals;
    }

    /** Whether {@code gtid} is in this set (MariaDB: at or before this set's position in its domain). */
    public boolean contains(Gtid gtid) {
        if (isEmpty()) {
            return false;
        }
        requireFlavour(gtid.flavour());
        if (flavour == GtidFlavour.MARIADB) {
            Gtid at = positions.get(gtid.domain());
            return at != null && gtid.sequence() <= at.sequence();
        }
        return MySqlGtids.contains(intervals.get(gtid.source()), gtid.sequence());
    }

    /** Whether every transaction of {@code other} is in this set. */
    public boolean covers(GtidSet other) {
        return other.isEmpty() || (!isEmpty() && behind(other) == 0);
    }

    /**
     * How many transactions {@code other} has that this set lacks (MariaDB: per domain the sequence
     * difference, as a master counts them).
     */
    public long behind(GtidSet other) {
        if (other.isEmpty()) {
            return 0;
        }
        GtidFlavour f = common(other);
        return f == GtidFlavour.MARIADB
                ? MariaDbGtids.behind(positions, other.positions)
                : MySqlGtids.behind(intervals, other.intervals);
    }

    /** This set with {@code gtid} added (MariaDB: {@code gtid} becomes its domain's position). */
    public GtidSet with(Gtid gtid) {
        requireFlavour(gtid.flavour());
        if (gtid.flavour() == GtidFlavour.MARIADB) {
            Map<Long, Gtid> next = new TreeMap<>(positions);
            next.put(gtid.domain(), gtid);
            return ofPositions(next);
        }
        return ofIntervals(MySqlGtids.add(intervals, gtid.source(), gtid.sequence()));
    }

    /**
     * The earliest of several sets: what all of them contain. MariaDB: per domain the lowest position, a
     * domain missing from any set is missing from the result; MySQL: the intersection.
     */
    public static GtidSet earliest(Collection<GtidSet> sets) {
        Iterator<GtidSet> it = sets.iterator();
        if (!it.hasNext()) {
            return EMPTY;
        }
        GtidSet result = it.next();
        while (it.hasNext()) {
            result = result.intersect(it.next());
        }
        return result;
    }

    /**
     * The latest of several sets: every transaction any of them contains. MariaDB: per domain the highest
     * position; MySQL: the union.
     */
    public static GtidSet latest(Collection<GtidSet> sets) {
        GtidSet result = EMPTY;
        for (GtidSet set : sets) {
            result = result.union(set);
        }
        return result;
    }

    private GtidSet union(GtidSet other) {
        if (isEmpty() || other.isEmpty()) {
            return isEmpty() ? other : this;
        }
        GtidFlavour f = common(other);
        return f == GtidFlavour.MARIADB
                ? ofPositions(MariaDbGtids.highest(positions, other.positions))
                : ofIntervals(MySqlGtids.union(intervals, other.intervals));
    }

    private GtidSet intersect(GtidSet other) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        GtidFlavour f = common(other);
        return f == GtidFlavour.MARIADB
                ? ofPositions(MariaDbGtids.lowest(positions, other.positions))
                : ofIntervals(MySqlGtids.intersect(intervals, other.intervals));
    }

    private GtidFlavour common(GtidSet other) {
        if (isEmpty()) {
            return other.flavour;
        }
        if (!other.isEmpty()) {
            requireFlavour(other.flavour);
        }
        return flavour;
    }

    private void requireFlavour(GtidFlavour other) {
        if (flavour != null && flavour != other) {
            throw Gtid.invalid(toString(), "cannot combine a " + flavour + " GTID set with a " + other + " GTID");
        }
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "";
        }
        if (flavour == GtidFlavour.MARIADB) {
            List<String> parts = new ArrayList<>();
            positions.values().forEach(g -> parts.add(g.toString()));
            return String.join(",", parts);
        }
        return MySqlGtids.format(intervals);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtidSet other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
