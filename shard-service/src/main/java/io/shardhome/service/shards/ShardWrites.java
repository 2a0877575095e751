package io.shardhome.service.shards;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.shard.ShardRead;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.grants.SiteGrants;
import io.shardhome.service.moves.api.MoveGuard;
import io.shardhome.service.security.Actors;
import io.shardhome.service.web.IfMatch;
import io.shardhome.service.web.VersionedWrites;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** Creates, updates and deletes single shards with compare-and-set semantics. Thread-safe. */
@Component
class ShardWrites {
    private final DirectoryAccess directory;
    private final VersionedWrites writes;
    private final MoveGuard moves;
    private final SiteGrants grants;

    ShardWrites(DirectoryAccess directory, VersionedWrites writes, MoveGuard moves, SiteGrants grants) {
        this.directory = directory;
        this.writes = writes;
        this.moves = moves;
        this.grants = grants;
    }

    /**
     * The outcome of an upsert: the new version, whether the shard was created, and what could not be done
     * afterwards (managed grants at a site that failed).
     */
    record Upserted(long version, boolean created, List<String> warnings) {}

    Upserted upsert(ShardDefinition definition, IfMatch ifMatch, boolean createOnly) {
        DirectoryStore store = directory.storeFor(Actors.current());
        boolean[] created = new boolean[1];
        boolean[] rehomed = new boolean[1];
        long version = writes.write(ifMatch, required -> {
            Optional<ShardRead> current = read(store, definition.shardId());
            created[0] = current.isEmpty();
            rehomed[0] = current.isEmpty() || !current.get().entry().home().equals(definition.home());
            if (current.isEmpty()) {
                requireNoIfMatch(ifMatch, definition.shardId());
                return store.createShard(definition, versionToWrite(required, store.version()));
            }
            if (createOnly) {
                throw new ServiceException(
                        Code.SHARD_EXISTS,
                        "shard '" + definition.shardId() + "' already exists (home "
                                + current.get().entry().home() + "); use update to change it");
            }
            moves.requireNotMoving(current.get().entry());
            return store.updateShard(
                    definition, versionToWrite(required, current.get().mapVersion()));
        });
        List<String> warnings = rehomed[0]
                ? grants.apply(List.of(new SiteGrants.Change(definition.shardId(), definition.home())))
                : List.of();
        return new Upserted(version, created[0], warnings);
    }

    long delete(String shardId, IfMatch ifMatch) {
        DirectoryStore store = directory.storeFor(Actors.current());
        long version = writes.write(ifMatch, required -> {
            ShardRead current = read(store, shardId).orElseThrow(() -> notFound(shardId));
            moves.requireNotMoving(current.entry());
            return store.deleteShard(shardId, versionToWrite(required, current.mapVersion()));
        });
        grants.apply(List.of(new SiteGrants.Change(shardId, null)));
        return version;
    }

    private static long versionToWrite(OptionalLong required, long readVersion) {
        return required.isPresent() ? required.getAsLong() : readVersion;
    }

    private static Optional<ShardRead> read(DirectoryStore store, String shardId) {
        try {
            return Optional.of(store.shard(shardId));
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.UNKNOWN_SHARD) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void requireNoIfMatch(IfMatch ifMatch, String shardId) {
        if (ifMatch.present()) {
            throw new ServiceException(
                    Code.VERSION_MISMATCH,
                    "shard '" + shardId + "' does not exist, so If-Match cannot match; send the request without"
                            + " If-Match to create it");
        }
    }

    static ServiceException notFound(String shardId) {
        return new ServiceException(
                Code.SHARD_NOT_FOUND,
                "shard '" + shardId + "' is not in the shard map; check the id or create it with PUT /api/v1/shards/"
                        + shardId);
    }
}
