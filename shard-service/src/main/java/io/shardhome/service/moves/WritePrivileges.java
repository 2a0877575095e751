package io.shardhome.service.moves;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema-level privileges that let an account change a schema, by their {@code mysql.db} column
 * (MySQL 8 and MariaDB), and the GRANT/REVOKE statements for them. Pure and thread-safe.
 */
public final class WritePrivileges {
    /** {@code mysql.db} column to privilege name, in GRANT order. Reading stays allowed. */
    static final Map<String, String> BY_COLUMN = columns();

    private WritePrivileges() {}

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Insert_priv", "INSERT");
        m.put("Update_priv", "UPDATE");
        m.put("Delete_priv", "DELETE");
        m.put("Create_priv", "CREATE");
        m.put("Drop_priv", "DROP");
        m.put("Index_priv", "INDEX");
        m.put("Alter_priv", "ALTER");
        m.put("Create_tmp_table_priv", "CREATE TEMPORARY TABLES");
        m.put("Lock_tables_priv", "LOCK TABLES");
        m.put("Create_view_priv", "CREATE VIEW");
        m.put("Create_routine_priv", "CREATE ROUTINE");
        m.put("Alter_routine_priv", "ALTER ROUTINE");
        m.put("Event_priv", "EVENT");
        m.put("Trigger_priv", "TRIGGER");
        m.put("Delete_history_priv", "DELETE HISTORY");
        return Collections.unmodifiableMap(m);
    }

    /**
     * The write privileges held, in a stable order, given the {@code mysql.db} columns that are 'Y'.
     * Columns a server does not have (e.g. MariaDB's Delete_history_priv on MySQL) are simply absent.
     */
    public static List<String> held(Set<String> grantedColumns) {
        List<String> privileges = new ArrayList<>();
        for (String column : BY_COLUMN.keySet()) {
            if (grantedColumns.contains(column)) {
                privileges.add(BY_COLUMN.get(column));
            }
        }
        return privileges;
    }

    /** {@code REVOKE <privileges> ON `schema`.* FROM account}. */
    public static String revoke(List<String> privileges, String schema, AppAccount account) {
        return "REVOKE " + String.join(", ", privileges) + " ON `" + schema + "`.* FROM " + account.sql();
    }

    /** {@code GRANT <privileges> ON `schema`.* TO account}. */
    public static String grant(List<String> privileges, String schema, AppAccount account) {
        return "GRANT " + String.join(", ", privileges) + " ON `" + schema + "`.* TO " + account.sql();
    }

    /** Whether a global privilege column ({@code mysql.user}) would let the account write any schema. */
    public static boolean isWriteColumn(String column) {
        return BY_COLUMN.containsKey(column);
    }
}
