package io.shardhome.links.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a replica does for scheduled events and a client replaying DDL must do itself: an event created or
 * altered at the home is disabled at the copy ({@code DISABLE ON SLAVE}: it must run at its home only),
 * and an {@code ALTER EVENT} without DEFINER clause keeps its source session's account as definer (the
 * server logs that account next to the statement; replayed as the link's account it would change the
 * event's definer). Stateless.
 */
final class EventDdl {
    private static final Pattern EVENT_DDL = Pattern.compile(
            "^\\s*(?:/\\*.*?\\*/\\s*)*(?:CREATE|ALTER)\\b.*?\\bEVENT\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_EVENT_WITHOUT_DEFINER = Pattern.compile(
            "^(\\s*(?:/\\*.*?\\*/\\s*)*ALTER)(\\s+EVENT\\b)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private EventDdl() {}

    static boolean isEventDdl(String sql) {
        return EVENT_DDL.matcher(sql).find();
    }

    /** {@code sql} with {@code invoker} (as {@code 'user'@'host'}) as definer of an ALTER EVENT that names none. */
    static String withInvoker(String sql, String invoker) {
        if (invoker == null) {
            return sql;
        }
        return ALTER_EVENT_WITHOUT_DEFINER
                .matcher(sql)
                .replaceFirst("$1 DEFINER=" + invoker.replace("$", "\\$") + "$2");
    }

    /** Disables, at this copy and unlogged, every event of {@code schema} that is enabled, keeping its definer. */
    static void disableAtCopy(Connection c, String schema) throws SQLException {
        List<String[]> enabled = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT EVENT_NAME, DEFINER FROM information_schema.EVENTS"
                + " WHERE EVENT_SCHEMA=? AND STATUS='ENABLED'")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    enabled.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (enabled.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin=0");
            try {
                for (String[] event : enabled) {
                    s.execute("ALTER DEFINER=" + account(event[1]) + " EVENT " + quote(schema) + "." + quote(event[0])
                            + " DISABLE ON SLAVE");
                }
            } finally {
                s.execute("SET SESSION sql_log_bin=1");
            }
        }
    }

    /** {@code user@host} as information_schema shows a definer, quoted for a DEFINER clause. */
    private static String account(String definer) {
        int at = definer.lastIndexOf('@');
        String user = at < 0 ? definer : definer.substring(0, at);
        String host = at < 0 ? "%" : definer.substring(at + 1);
        return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
