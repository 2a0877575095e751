package io.shardhome.service.moves;

import com.github.shyiko.mysql.binlog.GtidSet;
import io.shardhome.links.source.GtidPositions;

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
        if (position.isBlank()) {
            return true;
        }
        if (mariaDb) {
            return GtidPositions.behind(true, processed, position) == 0;
        }
        return new GtidSet(position).isContainedWithin(new GtidSet(processed));
    }
}
