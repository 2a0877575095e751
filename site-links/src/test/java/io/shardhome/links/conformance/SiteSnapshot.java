package io.shardhome.links.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a site's master holds of every user schema, as comparable text keyed by object: {@code schema S}
 * (SHOW CREATE DATABASE), {@code table S.T} (type, engine and SHOW CREATE TABLE/VIEW/SEQUENCE), {@code
 * rows S.T} (CHECKSUM TABLE ... EXTENDED), {@code history S.T} (a digest of every row version of a
 * system-versioned table, with its period), {@code trigger}, {@code procedure}, {@code function} and
 * {@code event} definitions (SHOW CREATE ..., without the creation time) and {@code event-status S.E}.
 *
 * <p>Left out on purpose: a table's {@code AUTO_INCREMENT=n} counter (a rolled-back insert moves it at the
 * home but writes nothing a copy could see; a native replica differs there too) and an event's status
 * inside its definition (compared on its own: a native replica marks a replicated event {@code DISABLE ON
 * SLAVE}). Immutable.
 */
record SiteSnapshot(SortedMap<String, String> entries) {
    private static final List<String> NOT_USER_SCHEMAS =
            List.of("mysql", "information_schema", "performance_schema", "sys", "shardhome");
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
    private static final Pattern EVENT_STATUS = Pattern.compile(" (ENABLE|DISABLE ON SLAVE|DISABLE) (?=(COMMENT|DO) )");

    SiteSnapshot {
        entries = new TreeMap<>(entries);
    }

    /** The snapshot of every user schema at the master {@code c} is connected to. */
    static SiteSnapshot take(Connection c) throws SQLException {
        SortedMap<String, String> entries = new TreeMap<>();
        for (String schema : Sql.column(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            if (!NOT_USER_SCHEMAS.contains(schema)) {
                entries.put(
                        "schema " + schema,
                        Sql.rows(c, "SHOW CREATE DATABASE " + Sql.quote(schema))
                                .get(0)
                                .get(1));
                tables(c, schema, entries);
                triggers(c, schema, entries);
                routines(c, schema, entries);
                events(c, schema, entries);
            }
        }
        return new SiteSnapshot(entries);
    }

    private static void tables(Connection c, String schema, Map<String, String> entries) throws SQLException {
        for (List<String> t : Sql.rows(
                c,
                "SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA="
                        + Sql.literal(schema))) {
            String name = schema + "." + t.get(0);
            String type = t.get(1);
            String quoted = Sql.quote(schema, t.get(0));
            if (type.equals("VIEW")) {
                List<String> view = Sql.rows(c, "SHOW CREATE VIEW " + quoted).get(0);
                entries.put("table " + name, "VIEW " + view.subList(1, view.size()));
                continue;
            }
            String create = Sql.rows(c, "SHOW CREATE TABLE " + quoted).get(0).get(1);
            entries.put(
                    "table " + name,
                    type + " " + t.get(2) + "\n"
                            + AUTO_INCREMENT.matcher(create).replaceAll(""));
            entries.put(
                    "rows " + name,
                    Sql.rows(c, "CHECKSUM TABLE " + quoted + " EXTENDED").get(0).get(1));
            if (type.equals("SYSTEM VERSIONED")) {
                entries.put("history " + name, digest(c, TableRows.of(c, schema, t.get(0), true)));
            }
        }
    }

    private static void triggers(Connection c, String schema, Map<String, String> entries) throws SQLException {
        for (String trigger : Sql.column(
                c,
                "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA=" + Sql.literal(schema))) {
            List<String> create = Sql.rows(c, "SHOW CREATE TRIGGER " + Sql.quote(schema, trigger))
                    .get(0);
            // columns: Trigger, sql_mode, SQL Original Statement, character_set_client, collation_connection,
            // Database Collation, Created (the creation time differs by nature)
            entries.put("trigger " + schema + "." + trigger, String.valueOf(create.subList(1, 6)));
        }
    }

    private static void routines(Connection c, String schema, Map<String, String> entries) throws SQLException {
        for (List<String> r : Sql.rows(
                c,
                "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA="
                        + Sql.literal(schema))) {
            String type = r.get(1).toLowerCase();
            List<String> create = Sql.rows(c, "SHOW CREATE " + type + " " + Sql.quote(schema, r.get(0)))
                    .get(0);
            entries.put(type + " " + schema + "." + r.get(0), String.valueOf(create.subList(1, create.size())));
        }
    }

    private static void events(Connection c, String schema, Map<String, String> entries) throws SQLException {
        for (List<String> e : Sql.rows(
                c,
                "SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA=" + Sql.literal(schema))) {
            List<String> create = Sql.rows(c, "SHOW CREATE EVENT " + Sql.quote(schema, e.get(0)))
                    .get(0);
            // columns: Event, sql_mode, time_zone, Create Event, character_set_client, collation_connection,
            // Database Collation
            String definition = EVENT_STATUS.matcher(create.get(3)).replaceFirst(" <status> ");
            entries.put(
                    "event " + schema + "." + e.get(0),
                    create.subList(1, 3) + " " + definition + " " + create.subList(4, create.size()));
            entries.put("event-status " + schema + "." + e.get(0), e.get(1));
        }
    }

    private static String digest(Connection c, TableRows rows) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        long[] count = {0};
        rows.forEach(c, row -> {
            sha.update(String.valueOf(row).getBytes(StandardCharsets.UTF_8));
            count[0]++;
            return true;
        });
        return count[0] + " row versions, sha256 " + HexFormat.of().formatHex(sha.digest());
    }
}
