package io.shardhome.directory.store;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.audit.AuditTrail;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardPage;
import io.shardhome.directory.shard.ShardRead;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.snapshot.Manifest;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.directory.snapshot.SnapshotReader.Pointer;
import io.shardhome.directory.zk.Json;
import io.shardhome.directory.zk.ZkCalls;
import io.shardhome.filter.map.ShardDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Reads and writes the directory: sites and shards. Every write is a compare-and-set against the map
 * version the caller read and returns the new version; a stale version fails with {@code CONFLICT}
 * naming the current one. Each write makes one new map version and one audit record, atomically.
 *
 * <p>Thread-safe. Reads go to ZooKeeper (use a {@code ShardMapView} for hot-path lookups). Errors are
 * {@link DirectoryException}s.
 */
public final class DirectoryStore {
    private final CuratorFramework client;
    private final DirectoryLayout layout;
    private final SnapshotReader reader;
    private final AuditTrail audit;
    private final MapCommitter committer;
    private final SnapshotWriter writer;
    private final ShardEditor shards;
    private final String actor;

    public DirectoryStore(CuratorFramework client, DirectoryLayout layout, StoreOptions options) {
        this.actor = options.actor();
        this.client = client;
        this.layout = layout;
        this.reader = new SnapshotReader(client, layout);
        this.audit = new AuditTrail(client, layout, options.maxAuditRecords());
        this.committer = new MapCommitter(client, layout, reader, audit, options);
        this.writer = new SnapshotWriter(reader);
        this.shards = new ShardEditor(reader, committer, writer);
    }

    /** Creates the directory tree and an empty map (version 0) if missing. Idempotent. */
    public DirectoryStore initialize() {
        for (String path : List.of(layout.chunks(), layout.audit(), layout.links(), layout.moves())) {
            ZkCalls.call("creating " + path, () -> {
                try {
                    client.create().creatingParentsIfNeeded().forPath(path);
                } catch (KeeperException.NodeExistsException alreadyInitialised) {
                    // idempotent
                }
                return null;
            });
        }
        ZkCalls.call("creating the map pointer", () -> {
            try {
                client.create().forPath(layout.pointer(), Json.write(Manifest.empty()));
            } catch (KeeperException.NodeExistsException alreadyInitialised) {
                // idempotent
            }
            return null;
        });
        return this;
    }

    public DirectoryLayout layout() {
        return layout;
    }

    /** Reads the whole directory as one consistent snapshot. */
    public DirectorySnapshot read() {
        return reader.readSnapshot();
    }

    /** The current map version (one small read). */
    public long version() {
        return reader.readPointer(null).manifest().version();
    }

    public List<Site> sites() {
        return reader.readPointer(null).manifest().sites();
    }

    public Optional<Site> site(String name) {
        return sites().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @throws DirectoryException {@code SITE_EXISTS}, {@code CONFLICT}, {@code INVALID_INPUT} (host or JDBC
     *     parameters not allowed: {@link Site#requireSafeEndpoint()})
     */
    public long registerSite(Site site, long expectedVersion) {
        site.requireSafeEndpoint();
        return editSites("site.register", expectedVersion, site.name(), null, site, list -> {
            if (list.stream().anyMatch(s -> s.name().equals(site.name()))) {
                throw new DirectoryException(
                        Code.SITE_EXISTS,
                        "site '" + site.name() + "' is already registered; " + "use updateSite to change it");
            }
            list.add(site);
            return list;
        });
    }

    /** Replaces a site's endpoint, label or state. @throws DirectoryException {@code UNKNOWN_SITE}, {@code CONFLICT} */
    public long updateSite(Site site, long expectedVersion) {
        site.requireSafeEndpoint();
        Site before = requireSite(site.name());
        return editSites("site.update", expectedVersion, site.name(), before, site, list -> {
            list.replaceAll(s -> s.name().equals(site.name()) ? site : s);
            return list;
        });
    }

    /** @throws DirectoryException {@code UNKNOWN_SITE}, {@code SITE_IN_USE}, {@code CONFLICT} */
    public long removeSite(String name, long expectedVersion) {
        Site before = requireSite(name);
        long homed = read().shardMap().asMap().values().stream()
                .filter(d -> d.home().isSite(name))
                .count();
        if (homed > 0) {
            throw new DirectoryException(
                    Code.SITE_IN_USE,
                    "site '" + name + "' is the home of " + homed + " shards; move them to other sites first");
        }
        return editSites("site.remove", expectedVersion, name, before, null, list -> {
            list.removeIf(s -> s.name().equals(name));
            return list;
        });
    }

    /**
     * Replaces site {@code site} (its state, say) and the shards' {@code entries} in one map version: the
     * failover of a dead site marks it DOWN and re-homes every shard of it at once.
     *
     * @throws DirectoryException {@code UNKNOWN_SITE} (the site, or a home or move target of an entry),
     *     {@code UNKNOWN_SHARD}, {@code CONFLICT}
     */
    public long replaceSiteAndShards(
            Site site, Collection<ShardEntry> entries, String action, String summary, long expectedVersion) {
        return new SiteChange(reader, committer, writer).commit(site, entries, action, summary, expectedVersion);
    }

    private Site requireSite(String name) {
        return site(name).orElseThrow(() -> unknownSite(name));
    }

    static DirectoryException unknownSite(String name) {
        return new DirectoryException(
                Code.UNKNOWN_SITE,
                "site '" + name + "' is not registered; register it " + "first (registerSite) or fix the name");
    }

    private long editSites(
            String action, long expected, String name, Site before, Site after, UnaryOperator<List<Site>> edit) {
        Pointer read = reader.readPointer(null);
        MapCommitter.requireVersion(action + " of site '" + name + "'", read, expected);
        Manifest m = read.manifest();
        List<Site> sites = edit.apply(new ArrayList<>(m.sites()));
        Manifest next = new Manifest(m.format(), m.version(), "", sites, m.shardCount(), m.chunks());
        AuditRecord.Change change = new AuditRecord.Change(
                "site:" + name, before == null ? "" : before.toString(), after == null ? "" : after.toString());
        return committer.commit(
                read, new MapCommitter.Change(next, Map.of(), action, action + " " + name, List.of(change), 1));
    }

    /** Adds a shard. @throws DirectoryException {@code SHARD_EXISTS}, {@code UNKNOWN_SITE}, {@code CONFLICT} */
    public long createShard(ShardDefinition definition, long expectedVersion) {
        return shards.edit("shard.create", expectedVersion, definition.shardId(), current -> {
            if (current != null) {
                throw new DirectoryException(
                        Code.SHARD_EXISTS,
                        "shard '" + definition.shardId() + "' already exists; use updateShard to change it");
            }
            return ShardEntry.active(definition);
        });
    }

    /**
     * Changes home and/or critical, keeping the shard's state, and its home history while the home stays
     * (a home set here, outside a move, starts the history over: see {@link ShardDefinition}).
     *
     * @throws DirectoryException {@code UNKNOWN_SHARD}, {@code UNKNOWN_SITE}, {@code CONFLICT}
     */
    public long updateShard(ShardDefinition definition, long expectedVersion) {
        return shards.edit("shard.update", expectedVersion, definition.shardId(), current -> {
            ShardEntry existing = ShardEditor.require(current, definition.shardId());
            return existing.withDefinition(definition.keepingHistoryOf(existing.definition()));
        });
    }

    /**
     * Replaces a shard's whole entry (definition with its home history, state and move target) in one
     * compare-and-set, e.g. the move protocol's flip: home = target with the tenures moved, state ACTIVE.
     */
    public long putShard(ShardEntry entry, long expectedVersion) {
        return shards.edit("shard.put", expectedVersion, entry.shardId(), current -> {
            ShardEditor.require(current, entry.shardId());
            return entry;
        });
    }

    /** Sets a shard's state (FENCED during a move's cut-over) and move target ("" for none). */
    public long setShardState(String shardId, ShardState state, String moveTarget, long expectedVersion) {
        return shards.edit("shard.state", expectedVersion, shardId, current -> ShardEditor.require(current, shardId)
                .withState(state, moveTarget));
    }

    /** @throws DirectoryException {@code UNKNOWN_SHARD}, {@code CONFLICT} */
    public long deleteShard(String shardId, long expectedVersion) {
        return shards.edit("shard.delete", expectedVersion, shardId, current -> {
            ShardEditor.require(current, shardId);
            return null;
        });
    }

    /** One shard and the version to write against. @throws DirectoryException {@code UNKNOWN_SHARD} */
    public ShardRead shard(String shardId) {
        return shards.read(shardId);
    }

    /**
     * Lists shards sorted by id.
     *
     * @param homeSite only shards homed there (a site name or {@code #LOCAL}); null or empty for all
     * @param afterShardId start after this id (from {@link ShardPage#nextAfter()}); null or empty to start
     * @param limit page size, at least 1
     */
    public ShardPage listShards(String homeSite, String afterShardId, int limit) {
        return ShardListing.page(read(), homeSite, afterShardId, Math.max(1, limit));
    }

    /**
     * Records an operator's action that changes no shard definition (a link skip, say) in the audit trail,
     * under this store's actor and the current map version.
     */
    public AuditRecord recordAction(String action, String summary, List<AuditRecord.Change> changes) {
        AuditRecord record =
                new AuditRecord(version(), actor, java.time.Instant.now(), action, summary, changes, changes.size());
        audit.append(record);
        return record;
    }

    /** The audit trail, newest first. */
    public List<AuditRecord> auditTrail(int limit) {
        return audit.newestFirst(limit);
    }

    /** Deletes unreferenced chunks older than the grace period now; returns how many. */
    public int collectGarbage() {
        return committer.collectGarbage();
    }

    SnapshotReader reader() {
        return reader;
    }

    MapCommitter committer() {
        return committer;
    }

    SnapshotWriter writer() {
        return writer;
    }
}
