package io.shardhome.service.fence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The privileges that let an account change a schema (its data or its objects), by the names the grant
 * tables use, and their names in GRANT/REVOKE. Reading ({@code SELECT}, {@code SHOW VIEW}) is not among
 * them. Pure and thread-safe.
 */
public final class Privileges {
    /** {@code mysql.user} / {@code mysql.db} column to privilege, in GRANT order. */
    private static final Map<String, String> BY_COLUMN = columns();
    /** {@code tables_priv.Table_priv} / {@code columns_priv} set values that write, to privilege. */
    private static final Map<String, String> BY_TABLE_VALUE = tableValues();

    private Privileges() {}

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("insert_priv", "INSERT");
        m.put("update_priv", "UPDATE");
        m.put("delete_priv", "DELETE");
        m.put("create_priv", "CREATE");
        m.put("drop_priv", "DROP");
        m.put("index_priv", "INDEX");
        m.put("alter_priv", "ALTER");
        m.put("create_tmp_table_priv", "CREATE TEMPORARY TABLES");
        m.put("lock_tables_priv", "LOCK TABLES");
        m.put("create_view_priv", "CREATE VIEW");
        m.put("create_routine_priv", "CREATE ROUTINE");
        m.put("alter_routine_priv", "ALTER ROUTINE");
        m.put("event_priv", "EVENT");
        m.put("trigger_priv", "TRIGGER");
        m.put("delete_history_priv", "DELETE HISTORY");
        return m;
    }

    private static Map<String, String> tableValues() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("insert", "INSERT");
        m.put("update", "UPDATE");
        m.put("delete", "DELETE");
        m.put("create", "CREATE");
        m.put("drop", "DROP");
        m.put("index", "INDEX");
        m.put("alter", "ALTER");
        m.put("create view", "CREATE VIEW");
        m.put("trigger", "TRIGGER");
        m.put("delete versioning rows", "DELETE HISTORY");
        return m;
    }

    /**
     * The {@code mysql.db} column of a privilege a database-level grant can give (the write ones, {@code
     * SELECT}, {@code SHOW VIEW}, {@code EXECUTE}), or null for any other.
     */
    public static String dbColumn(String privilege) {
        String wanted = privilege.trim().toUpperCase(Locale.ROOT);
        switch (wanted) {
            case "SELECT":
                return "select_priv";
            case "SHOW VIEW":
                return "show_view_priv";
            case "EXECUTE":
                return "execute_priv";
            default:
                break;
        }
        for (Map.Entry<String, String> e : BY_COLUMN.entrySet()) {
            if (e.getValue().equals(wanted)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Every write privilege name, in GRANT order. */
    public static List<String> all() {
        return List.copyOf(BY_COLUMN.values());
    }

    /** The write privileges among the 'Y' columns (any case) of a {@code mysql.user}/{@code mysql.db} row. */
    public static List<String> fromColumns(Collection<String> grantedColumns) {
        Set<String> granted = lower(grantedColumns);
        List<String> out = new ArrayList<>();
        BY_COLUMN.forEach((column, privilege) -> {
            if (granted.contains(column)) {
                out.add(privilege);
            }
        });
        return out;
    }

    /** The write privileges in a {@code tables_priv}/{@code columns_priv} SET value such as {@code Insert,Update}. */
    public static List<String> fromSetValue(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> granted = lower(List.of(value.split(",")));
        List<String> out = new ArrayList<>();
        BY_TABLE_VALUE.forEach((name, privilege) -> {
            if (granted.contains(name)) {
                out.add(privilege);
            }
        });
        return out;
    }

    /** Whether a SET value such as {@code Execute,Alter Routine} or a column set holds EXECUTE. */
    public static boolean hasExecute(String setValue) {
        return setValue != null && lower(List.of(setValue.split(","))).contains("execute");
    }

    /**
     * {@code wanted} as known privilege names in GRANT order.
     *
     * @throws IllegalArgumentException naming a privilege that is not a write privilege or SELECT
     */
    public static List<String> parse(Collection<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            String name = w.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!name.equals("SELECT") && !BY_COLUMN.containsValue(name)) {
                throw new IllegalArgumentException(
                        "'" + w + "' is not a privilege shardhome manages; use SELECT or" + " one of " + all());
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static Set<String> lower(Collection<String> values) {
        Set<String> out = new java.util.HashSet<>();
        for (String v : values) {
            out.add(v.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
