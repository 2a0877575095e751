package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.GtidSet;
import com.github.shyiko.mysql.binlog.MariadbGtidSet;

/** GTID set arithmetic for link positions, MariaDB ({@code domain-server-seq}) and MySQL flavours. Pure. */
public final class GtidPositions {
    private GtidPositions() {}

    /** {@code gtidSet} with {@code gtid} added (empty gtid: unchanged). */
    public static String add(boolean mariaDb, String gtidSet, String gtid) {
        if (gtid.isEmpty()) {
            return gtidSet;
        }
        GtidSet set = mariaDb ? new MariadbGtidSet(gtidSet) : new GtidSet(gtidSet);
        set.add(gtid);
        return set.toString();
    }

    /**
     * How many transactions the source has that {@code processed} lacks (MariaDB: per domain, the
     * sequence difference); -1 when unknown (MySQL flavour).
     */
    public static long behind(boolean mariaDb, String processed, String source) {
        if (!mariaDb) {
            return -1;
        }
        java.util.Map<Long, Long> mine = sequences(processed);
        long behind = 0;
        for (var entry : sequences(source).entrySet()) {
            behind += Math.max(0, entry.getValue() - mine.getOrDefault(entry.getKey(), 0L));
        }
        return behind;
    }

    /** Whether MariaDB {@code gtid} is at or before {@code gtidSet}'s position in its domain. */
    public static boolean covers(String gtidSet, String gtid) {
        String[] parts = gtid.split("-");
        if (parts.length != 3) {
            return false;
        }
        Long seq = sequences(gtidSet).get(Long.parseLong(parts[0]));
        return seq != null && Long.parseLong(parts[2]) <= seq;
    }

    /**
     * The earliest of several MariaDB positions: per domain the lowest sequence; a domain missing from
     * any of them is missing from the result (read from its start).
     */
    public static String earliest(java.util.List<String> gtidSets) {
        java.util.Map<Long, String> result = new java.util.TreeMap<>();
        java.util.Map<Long, Long> lowest = null;
        for (String set : gtidSets) {
            java.util.Map<Long, Long> seqs = sequences(set);
            if (lowest == null) {
                lowest = new java.util.HashMap<>(seqs);
            } else {
                lowest.keySet().retainAll(seqs.keySet());
                lowest.replaceAll((domain, seq) -> Math.min(seq, seqs.get(domain)));
            }
        }
        if (lowest == null) {
            return "";
        }
        for (String set : gtidSets) {
            for (String gtid : set.split(",")) {
                String[] parts = gtid.strip().split("-");
                if (parts.length == 3 && lowest.containsKey(Long.parseLong(parts[0]))) {
                    long domain = Long.parseLong(parts[0]);
                    if (Long.parseLong(parts[2]) == lowest.get(domain)) {
                        result.putIfAbsent(domain, gtid.strip());
                    }
                }
            }
        }
        return String.join(",", result.values());
    }

    private static java.util.Map<Long, Long> sequences(String mariaGtidSet) {
        java.util.Map<Long, Long> byDomain = new java.util.HashMap<>();
        for (String gtid : mariaGtidSet.split(",")) {
            String[] parts = gtid.strip().split("-");
            if (parts.length == 3) {
                byDomain.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
            }
        }
        return byDomain;
    }
}
