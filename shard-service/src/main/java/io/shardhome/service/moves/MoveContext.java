package io.shardhome.service.moves;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.blob.VersionedBlob;
import io.shardhome.directory.zk.Json;
import io.shardhome.service.moves.MoveException.Code;
import java.util.Map;
import java.util.Optional;

/**
 * What a move runs against: the directory, the move records, the links' published statuses, the site
 * masters and the settings. Immutable; thread-safe.
 */
record MoveContext(
        MoveDirectory directory,
        MoveRecordStore records,
        LinkStatusStore linkStatus,
        Map<String, SiteMaster> masters,
        MoveSettings settings) {
    MoveContext {
        masters = Map.copyOf(masters);
    }

    SiteMaster master(String site) {
        SiteMaster master = masters.get(site);
        if (master == null) {
            throw new MoveException(
                    Code.UNKNOWN_SITE,
                    "no master account is configured for site " + site + "; add the site's move account to"
                            + " the configuration and retry");
        }
        return master;
    }

    /** The shard's move record and its znode version, if any. */
    Optional<Versioned> read(String shard) {
        Optional<VersionedBlob> blob = records.read(shard);
        return blob.map(b -> new Versioned(Json.read(b.data(), MoveRecord.class, "move record " + shard), b.version()));
    }

    /** A move record with the znode version to compare-and-set against. */
    record Versioned(MoveRecord record, int version) {}
}
