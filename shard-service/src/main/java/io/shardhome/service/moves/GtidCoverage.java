package io.shardhome.service.moves;

import io.shardhome.filter.gtid.GtidSet;

/** Whether a link's processed GTID set covers a source position. Pure and thread-safe. */
final class GtidCoverage {
    private GtidCoverage() {}

    /**
     * @param mariaDb the source's flavour: MariaDB positions ({@code domain-server-seq} per domain) or
     *     MySQL GTID sets
     * @param processed the link's processed set (its stored position at the target)
     * @param position the source position to reach (read after the fence)
     */
    static boolean covers(boolean mariaDb, String processed, String position) {
        return GtidSet.parse(processed).covers(GtidSet.parse(position));
    }
}
