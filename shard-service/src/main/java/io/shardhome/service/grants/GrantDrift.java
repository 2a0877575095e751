package io.shardhome.service.grants;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.fence.GrantSql;
import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.SchemaAccess;
import io.shardhome.service.fence.SchemaPattern;
import io.shardhome.service.fence.WriteAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where one site's grants differ from what the shard map says: an account that can write a shard at a
 * site that is not its home (a copy), a managed account that cannot write a shard at its home, and a
 * grant at a home that a move could not fence. Pure and thread-safe.
 */
public final class GrantDrift {
    private GrantDrift() {}

    /** One difference, with what to do about it. */
    public record Problem(String shard, String site, String account, String kind, String detail, String fix) {}

    static final String WRITABLE_COPY = "WRITABLE_COPY";
    static final String MISSING_AT_HOME = "MISSING_AT_HOME";
    static final String UNFENCEABLE_AT_HOME = "UNFENCEABLE_AT_HOME";

    static List<Problem> of(
            GrantTables tables,
            String site,
            Collection<ShardDefinition> shards,
            ManagedGrants managed,
            Set<Grantee> trusted) {
        List<Problem> problems = new ArrayList<>();
        for (ShardDefinition shard : shards) {
            Home home = shard.home();
            if (home.isLocal()) {
                continue;
            }
            SchemaAccess access = WriteAccess.of(tables, shard.shardId(), trusted);
            if (home.isSite(site)) {
                atHome(access, shard.shardId(), site, managed, problems);
            } else {
                atCopy(access, shard.shardId(), site, home, problems);
            }
        }
        return problems;
    }

    private static void atCopy(SchemaAccess access, String shard, String site, Home home, List<Problem> problems) {
        for (SchemaAccess.Path path : access.paths()) {
            String fix = path.closable()
                    ? String.join(
                            "; ",
                            path.closedBy().stream().map(r -> r.revokeSql()).toList())
                    : path.fix();
            problems.add(new Problem(
                    shard,
                    site,
                    path.account().toString(),
                    WRITABLE_COPY,
                    path.account() + " can write " + shard + " at " + site + ", a copy (home " + home + "), through "
                            + path.grant() + ": a write there stops the links as a wrong-master write",
                    fix));
        }
    }

    private static void atHome(
            SchemaAccess access, String shard, String site, ManagedGrants managed, List<Problem> problems) {
        for (Grantee account : managed.accounts()) {
            Set<String> held = new LinkedHashSet<>();
            access.paths().stream().filter(p -> p.account().equals(account)).forEach(p -> held.addAll(p.privileges()));
            List<String> missing =
                    managed.write().stream().filter(p -> !held.contains(p)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(
                        shard,
                        site,
                        account.toString(),
                        MISSING_AT_HOME,
                        account + " lacks " + String.join(", ", missing) + " on " + shard + " at its home " + site,
                        GrantSql.grant(missing, SchemaPattern.escape(shard), account)));
            }
        }
        for (SchemaAccess.Path blocker : access.blockers()) {
            problems.add(new Problem(
                    shard,
                    site,
                    blocker.account().toString(),
                    UNFENCEABLE_AT_HOME,
                    blocker.account() + " can write " + shard + " at its home " + site + " through " + blocker.grant()
                            + ", which a move cannot fence per schema",
                    blocker.fix()));
        }
    }
}
