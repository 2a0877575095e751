package io.shardhome.filter.gtid;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** MariaDB GTID set arithmetic: one position per domain. Pure. */
final class MariaDbGtids {
    private MariaDbGtids() {}

    /** Parses {@code d-s-n[,d-s-n...]}; of two entries for one domain the higher sequence wins. */
    static GtidSet parse(String text) {
        Map<Long, Gtid> positions = new TreeMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Gtid gtid = Gtid.parse(part);
            positions.merge(gtid.domain(), gtid, (a, b) -> b.sequence() > a.sequence() ? b : a);
        }
        return GtidSet.ofPositions(positions);
    }

    static long behind(Map<Long, Gtid> mine, Map<Long, Gtid> other) {
        long behind = 0;
        for (Gtid theirs : other.values()) {
            Gtid at = mine.get(theirs.domain());
            behind += Math.max(0, theirs.sequence() - (at == null ? 0 : at.sequence()));
        }
        return behind;
    }

    static Map<Long, Gtid> lowest(Map<Long, Gtid> a, Map<Long, Gtid> b) {
        Map<Long, Gtid> result = new HashMap<>();
        a.forEach((domain, gtid) -> {
            Gtid other = b.get(domain);
            if (other != null) {
                result.put(domain, other.sequence() < gtid.sequence() ? other : gtid);
            }
        });
        return result;
    }

    static Map<Long, Gtid> highest(Map<Long, Gtid> a, Map<Long, Gtid> b) {
        Map<Long, Gtid> result = new HashMap<>(a);
        b.forEach((domain, gtid) -> result.merge(domain, gtid, (x, y) -> y.sequence() > x.sequence() ? y : x));
        return result;
    }
}
