package io.shardhome.service.grants;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.fence.GrantReader;
import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Revocation;
import io.shardhome.service.fence.SchemaAccess;
import io.shardhome.service.fence.WriteAccess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fence of a returning site, before any link runs from it: on every shard homed elsewhere, the managed
 * accounts keep only their read grants, and every other account that can write the schema through a
 * per-schema grant loses it (as a move's fence, from every grant source); then the sessions of those
 * accounts are killed (a schema grant change reaches a session only at its next {@code USE}) and the grant
 * tables are read again. Whoever can still write a copy (a global grant, a wildcard, ...) is named: the return
 * refuses until it is fixed. Unlogged. One use per connection; not thread-safe.
 */
public final class CopyFence {
    private static final int UNKNOWN_THREAD = 1094;

    private final ManagedGrants managed;
    private final Set<Grantee> trusted;

    CopyFence(ManagedGrants managed, Set<Grantee> trusted) {
        this.managed = managed;
        this.trusted = Set.copyOf(trusted);
    }

    /**
     * @param revoked the statements that closed a way to write (managed accounts' revokes not counted), the
     *     copies' scheduled events switched off included
     * @param killed how many sessions were killed
     * @param open who can still write a copy, with the fix; empty: fenced
     */
    public record Result(List<String> revoked, int killed, List<String> open) {
        public Result {
            revoked = List.copyOf(revoked);
            open = List.copyOf(open);
        }
    }

    Result close(Connection c, String site, Collection<ShardDefinition> shards) throws SQLException {
        List<ShardDefinition> copies = shards.stream()
                .filter(d -> !d.home().isLocal() && !d.home().isSite(site))
                .toList();
        List<String> sql = new ArrayList<>();
        for (ShardDefinition shard : copies) {
            sql.addAll(managed.statements(shard.shardId(), shard.home(), site));
        }
        SiteGrants.executeOn(c, sql);
        GrantTables tables = GrantReader.read(c);
        List<String> revoked = new ArrayList<>();
        Set<String> users = new LinkedHashSet<>();
        managed.accounts().forEach(a -> users.add(a.user()));
        for (ShardDefinition shard : copies) {
            SchemaAccess access = WriteAccess.of(tables, shard.shardId(), trusted);
            for (Revocation r : access.revocations()) {
                revoked.add(r.revokeSql());
                users.add(r.grantee().user());
            }
        }
        SiteGrants.executeOn(c, revoked);
        revoked.addAll(ScheduledEvents.switchAll(
                c, copies.stream().map(ShardDefinition::shardId).toList(), true));
        int killed = kill(c, users);
        GrantTables after = GrantReader.read(c);
        List<String> open = new ArrayList<>();
        for (GrantDrift.Problem p : GrantDrift.of(after, site, shards, managed, trusted)) {
            if (p.kind().equals(GrantDrift.WRITABLE_COPY)) {
                open.add(p.detail() + " (fix: " + p.fix() + ")");
            }
        }
        for (ShardDefinition shard : copies) {
            open.addAll(WriteAccess.of(after, shard.shardId(), trusted).blockerLines());
        }
        return new Result(revoked, killed, List.copyOf(new LinkedHashSet<>(open)));
    }

    private static int kill(Connection c, Set<String> users) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String user : users) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id FROM information_schema.processlist WHERE user=? AND id<>CONNECTION_ID()")) {
                q.setString(1, user);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException e) {
                    if (e.getErrorCode() != UNKNOWN_THREAD) {
                        throw e;
                    }
                }
            }
        }
        return ids.size();
    }
}
