package io.shardhome.service.fence;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One master's grant tables at one moment, the part that decides who may change a schema: accounts and
 * roles with their global write privileges, database, table and column grants, role grants, proxies, and
 * stored routines with who may execute them. Read by {@link GrantReader}; analysed by {@link WriteAccess}.
 * Immutable.
 *
 * @param currentUser the account the reading session logged in as (shardhome's own)
 * @param ignoreCase whether schema names compare case-insensitively ({@code lower_case_table_names} &gt; 0)
 * @param schemas the schemas that exist
 * @param principals every account and role, by grantee
 */
public record GrantTables(
        Grantee currentUser,
        boolean ignoreCase,
        Set<String> schemas,
        Map<Grantee, Principal> principals,
        List<DbGrant> dbGrants,
        List<TableGrant> tableGrants,
        List<RoleGrant> roleGrants,
        List<Proxy> proxies,
        List<Routine> routines,
        List<RoutineGrant> routineGrants) {
    public GrantTables {
        Objects.requireNonNull(currentUser, "currentUser");
        schemas = Set.copyOf(schemas);
        principals = Map.copyOf(principals);
        dbGrants = List.copyOf(dbGrants);
        tableGrants = List.copyOf(tableGrants);
        roleGrants = List.copyOf(roleGrants);
        proxies = List.copyOf(proxies);
        routines = List.copyOf(routines);
        routineGrants = List.copyOf(routineGrants);
    }

    /**
     * An account or role.
     *
     * @param locked the account cannot log in (roles cannot either)
     * @param globalWrites write privileges on every schema ({@code *.*})
     * @param globalExecute EXECUTE on every routine
     * @param defaultRole the role activated at login (empty: none)
     */
    public record Principal(
            Grantee grantee, boolean locked, List<String> globalWrites, boolean globalExecute, String defaultRole) {
        public Principal {
            globalWrites = List.copyOf(globalWrites);
            defaultRole = defaultRole == null ? "" : defaultRole;
        }

        /** Whether someone can log in as it. */
        public boolean canLogIn() {
            return !grantee.role() && !locked;
        }
    }

    /** A {@code mysql.db} row: privileges on the schemas {@code pattern} matches. */
    public record DbGrant(Grantee grantee, String pattern, List<String> writes, boolean execute) {
        public DbGrant {
            writes = List.copyOf(writes);
        }
    }

    /** A {@code tables_priv} row: write privileges on one table, and those granted on some of its columns. */
    public record TableGrant(
            Grantee grantee, String schema, String table, List<String> writes, List<String> columnWrites) {
        public TableGrant {
            writes = List.copyOf(writes);
            columnWrites = List.copyOf(columnWrites);
        }
    }

    /** {@code role} is granted to {@code grantee} (an account or another role). */
    public record RoleGrant(Grantee grantee, Grantee role) {}

    /** {@code proxy} may log in with the privileges of {@code proxied}. */
    public record Proxy(Grantee proxy, Grantee proxied) {}

    /**
     * A stored procedure or function.
     *
     * @param type {@code PROCEDURE} or {@code FUNCTION}
     * @param definer whose privileges it runs with when {@code securityDefiner}
     */
    public record Routine(String schema, String name, String type, Grantee definer, boolean securityDefiner) {
        public String qualifiedName() {
            return "`" + schema + "`.`" + name + "`";
        }
    }

    /** A {@code procs_priv} row granting EXECUTE on one routine. */
    public record RoutineGrant(Grantee grantee, String schema, String name, String type) {}
}
