package io.shardhome.links.target;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.source.BinlogPosition;
import java.util.Objects;

/**
 * A link's position in its source's binlog, as stored in {@code shardhome.link_position}. Immutable.
 *
 * @param gtidSet the source GTID set processed so far (applied or dropped): the resume point
 * @param lastGtid the last source transaction processed, empty before the first
 * @param binlog the source binlog file:pos after it (informational; resuming uses the GTID set)
 */
public record LinkPosition(String linkId, String sourceSite, GtidSet gtidSet, String lastGtid, BinlogPosition binlog) {
    public LinkPosition {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(sourceSite, "sourceSite");
        gtidSet = gtidSet == null ? GtidSet.EMPTY : gtidSet;
        lastGtid = lastGtid == null ? "" : lastGtid;
        binlog = binlog == null ? BinlogPosition.NONE : binlog;
    }

    /** The position after transaction {@code gtid}, which ends at {@code newBinlog}. */
    public LinkPosition after(Gtid gtid, BinlogPosition newBinlog) {
        return new LinkPosition(linkId, sourceSite, gtidSet.with(gtid), gtid.toString(), newBinlog);
    }

    /** The same position stored under another row (a parallel channel's). */
    public LinkPosition as(String otherLinkId) {
        return new LinkPosition(otherLinkId, sourceSite, gtidSet, lastGtid, binlog);
    }
}
