package io.shardhome.service.fence;

import io.shardhome.service.fence.GrantTables.DbGrant;
import io.shardhome.service.fence.GrantTables.Principal;
import io.shardhome.service.fence.GrantTables.Proxy;
import io.shardhome.service.fence.GrantTables.RoleGrant;
import io.shardhome.service.fence.GrantTables.Routine;
import io.shardhome.service.fence.GrantTables.TableGrant;
import io.shardhome.service.fence.SchemaAccess.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works out, from one master's {@link GrantTables}, every account that can change a schema, from every
 * grant source: global privileges, database grants (wildcards and escapes), table and column grants, roles
 * (granted, default, PUBLIC), proxies, and SQL SECURITY DEFINER routines the account may execute. Only
 * exact database-level grants can be taken away for one schema; everything else blocks a fence. Trusted
 * accounts (shardhome's own, administrators) are not reported; their privileges still count when a
 * routine runs with them. Pure and thread-safe.
 */
public final class WriteAccess {
    private final GrantTables tables;
    private final String schema;
    private final Set<Grantee> trusted;
    private final Map<Grantee, List<Source>> direct = new HashMap<>();
    private final Map<Grantee, List<Source>> definerWrites = new HashMap<>();

    private WriteAccess(GrantTables tables, String schema, Set<Grantee> trusted) {
        this.tables = tables;
        this.schema = schema;
        this.trusted = trusted;
    }

    /**
     * Who can change {@code schema}.
     *
     * @param trusted accounts to leave out (the current user is always left out)
     */
    public static SchemaAccess of(GrantTables tables, String schema, Set<Grantee> trusted) {
        Set<Grantee> all = new HashSet<>(trusted);
        all.add(tables.currentUser());
        return new WriteAccess(tables, schema, all).analyse();
    }

    /** A grant held directly by one principal; {@code revocation} is null when it cannot be closed. */
    private record Source(Grantee holder, String grant, List<String> privileges, Revocation revocation, String fix) {}

    private SchemaAccess analyse() {
        for (Principal p : tables.principals().values()) {
            direct.put(p.grantee(), directSources(p));
        }
        List<Path> paths = new ArrayList<>();
        for (Principal account : tables.principals().values()) {
            if (account.canLogIn() && !trusted.contains(account.grantee())) {
                for (Source s : effective(account.grantee())) {
                    paths.add(path(account.grantee(), s));
                }
                paths.addAll(routinePaths(account.grantee()));
            }
        }
        return new SchemaAccess(schema, paths);
    }

    private Path path(Grantee account, Source s) {
        boolean closable = s.revocation() != null && !trusted.contains(s.holder());
        String fix = closable
                ? ""
                : s.revocation() != null
                        ? "it is held by trusted " + s.holder() + "; take the way from " + account + " to it away"
                        : s.fix();
        return new Path(account, s.grant(), s.privileges(), closable ? List.of(s.revocation()) : List.of(), fix);
    }

    private List<Source> directSources(Principal p) {
        Grantee g = p.grantee();
        List<Source> out = new ArrayList<>();
        if (!p.globalWrites().isEmpty()) {
            out.add(new Source(
                    g,
                    "global grant " + String.join(", ", p.globalWrites()) + " ON *.*",
                    p.globalWrites(),
                    null,
                    "grant per schema instead: REVOKE " + String.join(", ", p.globalWrites()) + " ON *.* FROM "
                            + g.sql() + ", then GRANT ... ON " + GrantSql.database(SchemaPattern.escape(schema))
                            + ".* at the shard's home"));
        }
        for (DbGrant d : tables.dbGrants()) {
            if (d.grantee().equals(g) && !d.writes().isEmpty()) {
                if (SchemaPattern.matches(d.pattern(), schema, tables.ignoreCase())) {
                    out.add(databaseSource(d));
                } else if (SchemaPattern.matches(d.pattern(), "mysql", tables.ignoreCase())) {
                    out.add(new Source(
                            g,
                            "database grant " + String.join(", ", d.writes()) + " ON " + GrantSql.database(d.pattern())
                                    + ".* (the grant tables)",
                            d.writes(),
                            null,
                            GrantSql.revoke(d.writes(), d.pattern(), g)));
                }
            }
        }
        for (TableGrant t : tables.tableGrants()) {
            if (t.grantee().equals(g) && sameSchema(t.schema())) {
                out.addAll(tableSources(t));
            }
        }
        return out;
    }

    private Source databaseSource(DbGrant d) {
        String grant =
                "database grant " + String.join(", ", d.writes()) + " ON " + GrantSql.database(d.pattern()) + ".*";
        List<String> others = otherSchemasMatching(d.pattern());
        boolean exact = !SchemaPattern.hasWildcard(d.pattern());
        boolean effectivelyExact = !SchemaPattern.hasPercent(d.pattern())
                && SchemaPattern.literal(d.pattern()).equals(schema)
                && others.isEmpty();
        if (exact || effectivelyExact) {
            return new Source(d.grantee(), grant, d.writes(), new Revocation(d.grantee(), d.pattern(), d.writes()), "");
        }
        String matching = others.isEmpty() ? "any schema it matches" : "also " + String.join(", ", others);
        return new Source(
                d.grantee(),
                grant + " (a wildcard: " + matching + ")",
                d.writes(),
                null,
                GrantSql.revoke(d.writes(), d.pattern(), d.grantee()) + ", then grant per schema with _ and % escaped ("
                        + GrantSql.grant(d.writes(), SchemaPattern.escape(schema), d.grantee()) + " at its home)");
    }

    private List<Source> tableSources(TableGrant t) {
        List<Source> out = new ArrayList<>();
        String table = GrantSql.database(t.schema()) + "." + GrantSql.database(t.table());
        String atSchema = "grant the privileges ON " + GrantSql.database(SchemaPattern.escape(schema))
                + ".* instead (shardhome moves schema-level grants)";
        if (!t.writes().isEmpty()) {
            out.add(new Source(
                    t.grantee(),
                    "table grant " + String.join(", ", t.writes()) + " ON " + table,
                    t.writes(),
                    null,
                    GrantSql.revokeOnTable(t.writes(), t.schema(), t.table(), t.grantee()) + ", then " + atSchema));
        }
        if (!t.columnWrites().isEmpty()) {
            out.add(new Source(
                    t.grantee(),
                    "column grant " + String.join(", ", t.columnWrites()) + " (columns) ON " + table,
                    t.columnWrites(),
                    null,
                    "REVOKE the column privileges (SHOW GRANTS FOR "
                            + t.grantee().sql() + " lists them), then " + atSchema));
        }
        return out;
    }

    /** The account's own sources, its roles' (transitively) and, as a proxy, the proxied account's. */
    private List<Source> effective(Grantee account) {
        List<Source> out = new ArrayList<>(withRoles(account, ""));
        for (Proxy proxy : tables.proxies()) {
            if (proxy.proxy().equals(account) && !proxy.proxied().equals(account)) {
                String via = "as proxy of " + proxy.proxied() + ": ";
                for (Source s : withRoles(proxy.proxied(), via)) {
                    out.add(new Source(s.holder(), s.grant(), s.privileges(), s.revocation(), proxyFix(s, proxy)));
                }
            }
        }
        return out;
    }

    private static String proxyFix(Source s, Proxy proxy) {
        return s.fix().isEmpty()
                ? ""
                : s.fix() + ", or REVOKE PROXY ON " + proxy.proxied().sql() + " FROM "
                        + proxy.proxy().sql();
    }

    private List<Source> withRoles(Grantee principal, String prefix) {
        List<Source> out = new ArrayList<>();
        for (Map.Entry<Grantee, String> held : heldWithPrefix(principal, prefix).entrySet()) {
            for (Source s : direct.getOrDefault(held.getKey(), List.of())) {
                out.add(new Source(s.holder(), held.getValue() + s.grant(), s.privileges(), s.revocation(), s.fix()));
            }
        }
        return out;
    }

    /** The principal and every role it holds (directly or through roles), each with how it is held. */
    private Map<Grantee, String> heldWithPrefix(Grantee principal, String prefix) {
        Map<Grantee, String> held = new LinkedHashMap<>();
        held.put(principal, prefix);
        Deque<Grantee> pending = new ArrayDeque<>(List.of(principal));
        while (!pending.isEmpty()) {
            Grantee current = pending.pop();
            for (RoleGrant r : tables.roleGrants()) {
                if (r.grantee().equals(current) && !held.containsKey(r.role())) {
                    held.put(
                            r.role(),
                            held.get(current) + "role " + r.role().user() + defaultMark(principal, r.role()) + ": ");
                    pending.push(r.role());
                }
            }
        }
        return held;
    }

    private String defaultMark(Grantee principal, Grantee role) {
        Principal p = tables.principals().get(principal);
        return p != null && p.defaultRole().equals(role.user()) ? " (default role)" : "";
    }

    /** Paths through SQL SECURITY DEFINER routines whose definer can change the schema. */
    private List<Path> routinePaths(Grantee account) {
        List<Path> out = new ArrayList<>();
        Set<Grantee> reachable = heldWithPrefix(account, "").keySet();
        for (Routine r : tables.routines()) {
            if (!r.securityDefiner()) {
                continue;
            }
            List<Source> writes = definerWrites.computeIfAbsent(r.definer(), this::effective);
            Set<Grantee> executors = executors(r, reachable);
            if (writes.isEmpty() || executors.isEmpty()) {
                continue;
            }
            List<Revocation> closing = new ArrayList<>();
            boolean closable = !trusted.contains(r.definer());
            for (Source s : writes) {
                closable &= s.revocation() != null && !trusted.contains(s.holder());
                if (s.revocation() != null) {
                    closing.add(s.revocation());
                }
            }
            String grant = "EXECUTE on SQL SECURITY DEFINER " + r.type().toLowerCase(Locale.ROOT) + " "
                    + r.qualifiedName() + " (definer " + r.definer() + ")";
            String fix = closable
                    ? ""
                    : "ALTER " + r.type() + " " + r.qualifiedName() + " SQL SECURITY INVOKER, or REVOKE EXECUTE from "
                            + executors.iterator().next();
            out.add(new Path(account, grant, writes.get(0).privileges(), closable ? closing : List.of(), fix));
        }
        return out;
    }

    /** Which of {@code reachable} (the account and its roles) may execute routine {@code r}. */
    private Set<Grantee> executors(Routine r, Set<Grantee> reachable) {
        Set<Grantee> out = new LinkedHashSet<>();
        for (Grantee g : reachable) {
            Principal p = tables.principals().get(g);
            if (p != null && p.globalExecute()) {
                out.add(g);
            }
        }
        for (DbGrant d : tables.dbGrants()) {
            if (d.execute()
                    && reachable.contains(d.grantee())
                    && SchemaPattern.matches(d.pattern(), r.schema(), tables.ignoreCase())) {
                out.add(d.grantee());
            }
        }
        tables.routineGrants().stream()
                .filter(g -> reachable.contains(g.grantee())
                        && g.schema().equalsIgnoreCase(r.schema())
                        && g.name().equalsIgnoreCase(r.name())
                        && g.type().equals(r.type()))
                .forEach(g -> out.add(g.grantee()));
        return out;
    }

    private List<String> otherSchemasMatching(String pattern) {
        return tables.schemas().stream()
                .filter(s -> !sameSchema(s) && SchemaPattern.matches(pattern, s, tables.ignoreCase()))
                .sorted()
                .limit(5)
                .toList();
    }

    private boolean sameSchema(String other) {
        return tables.ignoreCase() ? other.equalsIgnoreCase(schema) : other.equals(schema);
    }
}
