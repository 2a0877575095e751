package io.shardhome.service.grants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scheduled events are a write path of their own: they run as their definer, whom no fence of the
 * application's accounts closes. So a shard's events run at its home only: at a copy they are {@code
 * DISABLE ON SLAVE} (as the links leave them). Moves, failovers and a returning site switch them with
 * {@link #switchAll}. Events an operator disabled ({@code DISABLED}) stay as they are. Stateless.
 */
public final class ScheduledEvents {
    private ScheduledEvents() {}

    /**
     * Switches, unlogged and keeping each definer, every event of {@code schemas} at this master: enabled ones
     * to {@code DISABLE ON SLAVE} ({@code toCopy}), or ones disabled on the replica side to {@code ENABLE}
     * ({@code !toCopy}). Needs the EVENT privilege (without it information_schema hides the events) and SET
     * USER or SUPER for another definer. Returns the statements run.
     */
    public static List<String> switchAll(Connection c, Collection<String> schemas, boolean toCopy) throws SQLException {
        Set<String> wanted = new HashSet<>(schemas);
        if (wanted.isEmpty()) {
            return List.of();
        }
        String where = toCopy ? "STATUS = 'ENABLED'" : "STATUS NOT IN ('ENABLED', 'DISABLED')";
        List<String> sql = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT EVENT_SCHEMA, EVENT_NAME, DEFINER FROM information_schema.EVENTS WHERE " + where)) {
            while (rs.next()) {
                if (wanted.contains(rs.getString(1))) {
                    sql.add("ALTER DEFINER=" + definer(rs.getString(3)) + " EVENT " + quote(rs.getString(1)) + "."
                            + quote(rs.getString(2)) + (toCopy ? " DISABLE ON SLAVE" : " ENABLE"));
                }
            }
        }
        if (sql.isEmpty()) {
            return sql;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin=0");
            try {
                for (String statement : sql) {
                    s.execute(statement);
                }
            } finally {
                s.execute("SET SESSION sql_log_bin=1");
            }
        }
        return sql;
    }

    /** {@code user@host} as information_schema shows a definer, quoted for a DEFINER clause. */
    private static String definer(String definer) {
        int at = definer.lastIndexOf('@');
        String user = at < 0 ? definer : definer.substring(0, at);
        String host = at < 0 ? "%" : definer.substring(at + 1);
        return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
