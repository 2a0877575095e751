package io.shardhome.filter.rules;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.Names;
import java.util.Objects;

/**
 * An earlier home of a shard whose pre-fence transactions a copy must have applied before a later home's
 * transaction of the shard: the copy waits until the link from {@code site} has processed {@code end}
 * there. Immutable.
 *
 * @param site the earlier home
 * @param end its GTID set when its tenure ended (the move's fence position)
 */
public record Predecessor(String site, GtidSet end) {
    public Predecessor {
        Names.requireSiteName(site);
        Objects.requireNonNull(end, "end");
    }

    @Override
    public String toString() {
        return site + " until " + end;
    }
}
