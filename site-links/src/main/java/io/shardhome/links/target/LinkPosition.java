package io.shardhome.links.target;

import io.shardhome.links.source.BinlogPosition;
import java.util.Objects;

/**
 * A link's position in its source's binlog, as stored in {@code shardhome.link_position}. Immutable.
 *
 * @param gtidSet the source GTID set processed so far (applied or dropped): the resume point
 * @param lastGtid the last source transaction processed, empty before the first
 * @param binlog the source binlog file:pos after it (informational; resuming uses the GTID set)
 */
public record LinkPosition(String linkId, String sourceSite, String gtidSet, String lastGtid, BinlogPosition binlog) {
    public LinkPosition {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(sourceSite, "sourceSite");
        gtidSet = gtidSet == null ? "" : gtidSet;
        lastGtid = lastGtid == null ? "" : lastGtid;
        binlog = binlog == null ? BinlogPosition.NONE : binlog;
    }

    public LinkPosition next(String newGtidSet, String gtid, BinlogPosition newBinlog) {
        return new LinkPosition(linkId, sourceSite, newGtidSet, gtid, newBinlog);
    }
}
