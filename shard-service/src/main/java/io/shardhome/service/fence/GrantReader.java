package io.shardhome.service.fence;

import io.shardhome.service.fence.GrantTables.DbGrant;
import io.shardhome.service.fence.GrantTables.Principal;
import io.shardhome.service.fence.GrantTables.Proxy;
import io.shardhome.service.fence.GrantTables.RoleGrant;
import io.shardhome.service.fence.GrantTables.Routine;
import io.shardhome.service.fence.GrantTables.RoutineGrant;
import io.shardhome.service.fence.GrantTables.TableGrant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a master's {@link GrantTables} (MariaDB 10.5+ or MySQL 8) over a session that may read the
 * {@code mysql} schema. Stateless and thread-safe.
 */
public final class GrantReader {
    private GrantReader() {}

    /** @throws SQLException when a grant table cannot be read (the session needs SELECT on {@code mysql}) */
    public static GrantTables read(Connection c) throws SQLException {
        boolean mariaDb = single(c, "SELECT VERSION()").contains("MariaDB");
        Map<Grantee, Principal> principals = principals(c, mariaDb);
        Set<String> roles = new HashSet<>();
        principals.keySet().stream().filter(Grantee::role).forEach(g -> roles.add(g.user()));
        Resolver names = new Resolver(roles);
        return new GrantTables(
                Grantee.parse(single(c, "SELECT CURRENT_USER()")),
                !"0".equals(single(c, "SELECT @@lower_case_table_names")),
                schemas(c),
                principals,
                dbGrants(c, names),
                tableGrants(c, names),
                mariaDb ? mariaRoleGrants(c, names, principals) : mysqlRoleGrants(c, principals),
                proxies(c, names),
                mariaDb
                        ? routines(c, "SELECT db, name, type, definer, security_type FROM mysql.proc")
                        : routines(
                                c,
                                "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, DEFINER, SECURITY_TYPE"
                                        + " FROM information_schema.ROUTINES"),
                routineGrants(c, names));
    }

    private static Map<Grantee, Principal> principals(Connection c, boolean mariaDb) throws SQLException {
        Set<String> locked = mariaDb ? mariaLocked(c) : Set.of();
        Map<Grantee, Principal> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM mysql.user")) {
            while (rs.next()) {
                Map<String, String> row = row(rs);
                boolean role = "Y".equalsIgnoreCase(row.get("is_role"));
                String user = row.get("user");
                Grantee grantee = role ? Grantee.role(user) : Grantee.account(user, row.get("host"));
                boolean isLocked = "Y".equalsIgnoreCase(row.get("account_locked")) || locked.contains(key(grantee));
                out.put(
                        grantee,
                        new Principal(
                                grantee, isLocked, writes(row), yes(row, "execute_priv"), row.get("default_role")));
            }
        }
        if (mariaDb) {
            out.putIfAbsent(Grantee.PUBLIC, new Principal(Grantee.PUBLIC, true, List.of(), false, ""));
        }
        return out;
    }

    private static Set<String> mariaLocked(Connection c) throws SQLException {
        Set<String> locked = new HashSet<>();
        String sql = "SELECT User, Host FROM mysql.global_priv WHERE JSON_VALUE(Priv, '$.account_locked') = 'true'"
                + " OR JSON_VALUE(Priv, '$.account_locked') = '1'";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                locked.add(rs.getString(1) + "@" + rs.getString(2));
            }
        }
        return locked;
    }

    private static Set<String> schemas(Connection c) throws SQLException {
        Set<String> schemas = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    private static List<DbGrant> dbGrants(Connection c, Resolver names) throws SQLException {
        List<DbGrant> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM mysql.db")) {
            while (rs.next()) {
                Map<String, String> row = row(rs);
                out.add(new DbGrant(
                        names.of(row.get("user"), row.get("host")),
                        row.get("db"),
                        writes(row),
                        yes(row, "execute_priv")));
            }
        }
        return out;
    }

    private static List<TableGrant> tableGrants(Connection c, Resolver names) throws SQLException {
        List<TableGrant> out = new ArrayList<>();
        String sql = "SELECT User, Host, Db, Table_name, Table_priv, Column_priv FROM mysql.tables_priv";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new TableGrant(
                        names.of(rs.getString(1), rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        Privileges.fromSetValue(rs.getString(5)),
                        Privileges.fromSetValue(rs.getString(6))));
            }
        }
        return out;
    }

    private static List<RoleGrant> mariaRoleGrants(Connection c, Resolver names, Map<Grantee, Principal> principals)
            throws SQLException {
        List<RoleGrant> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT User, Host, Role FROM mysql.roles_mapping")) {
            while (rs.next()) {
                out.add(new RoleGrant(names.of(rs.getString(1), rs.getString(2)), Grantee.role(rs.getString(3))));
            }
        }
        return everyoneHolds(Grantee.PUBLIC, principals, out);
    }

    private static List<RoleGrant> mysqlRoleGrants(Connection c, Map<Grantee, Principal> principals)
            throws SQLException {
        List<RoleGrant> out = new ArrayList<>();
        String sql = "SELECT FROM_USER, FROM_HOST, TO_USER, TO_HOST FROM mysql.role_edges";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new RoleGrant(
                        Grantee.account(rs.getString(3), rs.getString(4)),
                        Grantee.account(rs.getString(1), rs.getString(2))));
            }
        }
        String mandatory = single(c, "SELECT @@GLOBAL.mandatory_roles");
        for (String role : mandatory.split(",")) {
            if (!role.isBlank()) {
                out = everyoneHolds(Grantee.parse(role.replace("`", "")), principals, out);
            }
        }
        return out;
    }

    /** {@code role} granted to every account (MariaDB's PUBLIC, MySQL's mandatory roles). */
    private static List<RoleGrant> everyoneHolds(
            Grantee role, Map<Grantee, Principal> principals, List<RoleGrant> grants) {
        List<RoleGrant> out = new ArrayList<>(grants);
        principals.keySet().stream().filter(g -> !g.role()).forEach(account -> out.add(new RoleGrant(account, role)));
        return out;
    }

    private static List<Proxy> proxies(Connection c, Resolver names) throws SQLException {
        List<Proxy> out = new ArrayList<>();
        String sql = "SELECT User, Host, Proxied_user, Proxied_host FROM mysql.proxies_priv";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Proxy(
                        names.of(rs.getString(1), rs.getString(2)), Grantee.account(rs.getString(3), rs.getString(4))));
            }
        }
        return out;
    }

    private static List<Routine> routines(Connection c, String sql) throws SQLException {
        List<Routine> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String definer = rs.getString(4);
                out.add(new Routine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3).toUpperCase(Locale.ROOT),
                        definer.contains("@") ? Grantee.parse(definer) : Grantee.role(definer),
                        "DEFINER".equalsIgnoreCase(rs.getString(5))));
            }
        }
        return out;
    }

    private static List<RoutineGrant> routineGrants(Connection c, Resolver names) throws SQLException {
        List<RoutineGrant> out = new ArrayList<>();
        String sql = "SELECT User, Host, Db, Routine_name, Routine_type, Proc_priv FROM mysql.procs_priv";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (Privileges.hasExecute(rs.getString(6))) {
                    out.add(new RoutineGrant(
                            names.of(rs.getString(1), rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5).toUpperCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    /** A row as lower-cased column label to value. */
    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
        }
        return row;
    }

    private static List<String> writes(Map<String, String> row) {
        List<String> granted = new ArrayList<>();
        row.forEach((column, value) -> {
            if (column.endsWith("_priv") && "Y".equalsIgnoreCase(value)) {
                granted.add(column);
            }
        });
        return Privileges.fromColumns(granted);
    }

    private static boolean yes(Map<String, String> row, String column) {
        return "Y".equalsIgnoreCase(row.get(column));
    }

    private static String key(Grantee g) {
        return g.user() + "@" + g.host();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    /** Names a grant row's (User, Host): a role when the host is empty and the user is a role's name. */
    private record Resolver(Set<String> roles) {
        Grantee of(String user, String host) {
            if ((host == null || host.isEmpty()) && roles.contains(user)) {
                return Grantee.role(user);
            }
            return Grantee.account(user, host);
        }
    }
}
