package io.shardhome.service.moves.api;

import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.blob.VersionedBlob;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.zk.Json;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.moves.MoveRecord;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves own their shard: while a shard is FENCED or has a move that has not ended, the API refuses to edit
 * it, delete it, change it by an import, or remove a site the move involves ({@code SHARD_MOVING}, 409,
 * naming the move). Move records are read from ZooKeeper itself, not the view: a move claims its record
 * before it fences, and every edit is a compare-and-set of the map, so an edit that passes this check and
 * a fence cannot both succeed. Thread-safe.
 */
@Component
public class MoveGuard {
    private final DirectoryAccess directory;
    private final MoveRecordStore records;

    MoveGuard(DirectoryAccess directory) {
        this.directory = directory;
        this.records = new MoveRecordStore(directory.client(), directory.layout());
    }

    /**
     * @param entry the shard as the caller read it for its compare-and-set
     * @throws ServiceException {@code SHARD_MOVING}
     */
    public void requireNotMoving(ShardEntry entry) {
        activeMove(entry.shardId()).ifPresent(move -> {
            throw moving(move);
        });
        if (!entry.isPlain()) {
            throw new ServiceException(
                    Code.SHARD_MOVING,
                    "shard '" + entry.shardId() + "' is " + entry.state() + " towards " + entry.moveTarget()
                            + " without a running move; the move leader unfences it within its sweep interval,"
                            + " retry then",
                    Map.of("shard", entry.shardId()),
                    null);
        }
    }

    /** @throws ServiceException {@code SHARD_MOVING} when any of {@code shards} has a move that has not ended */
    public void requireNoneMoving(Collection<String> shards) {
        Set<String> candidates = new HashSet<>(records.shardIds());
        candidates.retainAll(shards);
        for (String shard : candidates) {
            activeMove(shard).ifPresent(move -> {
                throw moving(move);
            });
        }
        for (String shard : shards) {
            ShardEntry entry = directory.snapshot().entry(shard);
            if (entry != null && !entry.isPlain()) {
                requireNotMoving(entry);
            }
        }
    }

    /** @throws ServiceException {@code SHARD_MOVING} when a move that has not ended goes from or to {@code site} */
    public void requireSiteNotMoving(String site) {
        for (String shard : records.shardIds()) {
            activeMove(shard)
                    .filter(m -> m.fromSite().equals(site) || m.toSite().equals(site))
                    .ifPresent(move -> {
                        throw new ServiceException(
                                Code.SHARD_MOVING,
                                "site '" + site + "' takes part in move " + move.moveId() + " of shard " + move.shard()
                                        + " (" + move.fromSite() + " -> " + move.toSite() + ", " + move.phase()
                                        + "); wait for it to end or cancel it, then retry",
                                Map.of("moveId", move.moveId(), "shard", move.shard()),
                                null);
                    });
        }
    }

    private Optional<MoveRecord> activeMove(String shard) {
        Optional<VersionedBlob> blob = records.read(shard);
        return blob.map(b -> Json.read(b.data(), MoveRecord.class, "move record " + shard))
                .filter(m -> !m.phase().isTerminal());
    }

    private static ServiceException moving(MoveRecord move) {
        return new ServiceException(
                Code.SHARD_MOVING,
                "shard '" + move.shard() + "' is moving (move " + move.moveId() + ", " + move.fromSite() + " -> "
                        + move.toSite() + ", " + move.phase() + "); wait for the move to end or cancel it"
                        + " (POST /api/v1/moves/" + move.moveId() + "/cancel), then retry",
                Map.of("moveId", move.moveId(), "shard", move.shard()),
                null);
    }
}
