package io.shardhome.service.reseed;

import io.shardhome.service.consistency.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard's schema at its home, as {@code SHOW CREATE} gives each object: the database, base tables, views,
 * triggers, routines and events (each with the sql_mode and character set it was created under). Read from
 * the data dictionary, which is not part of a snapshot: a re-seed reads it before and after opening its
 * snapshots and starts over when they differ (a DDL ran in between). Immutable.
 *
 * @param tables base tables' CREATE statements, by table name order
 * @param later views, triggers, routines and events, created after the data is loaded (triggers must not
 *     fire for the loaded rows)
 */
record ShardSchema(String shard, String database, List<Named> tables, List<Named> later) {
    /** One object's creating statement and the session settings it needs. */
    record Named(String name, String kind, String statement, String sqlMode, String charset, String collation) {}

    static ShardSchema read(Connection c, String shard) throws SQLException {
        List<Named> tables = new ArrayList<>();
        List<Named> views = new ArrayList<>();
        List<Named> later = new ArrayList<>();
        String database;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW CREATE DATABASE " + Sql.name(shard))) {
                rs.next();
                database = rs.getString(2);
            }
            for (String[] table : names(
                    c,
                    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                            + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
                    shard)) {
                if (table[1].equals("SEQUENCE")) {
                    throw new SQLException("shard " + shard + " has a SEQUENCE (" + table[0] + "), which a re-seed"
                            + " does not copy yet; copy it by hand (SHOW CREATE SEQUENCE, SETVAL) or drop it");
                }
                boolean view = table[1].equals("VIEW");
                String sql = "SHOW CREATE " + (view ? "VIEW " : "TABLE ") + qualified(shard, table[0]);
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    Named named = view
                            ? new Named(table[0], "VIEW", rs.getString(2), "", rs.getString(3), rs.getString(4))
                            : new Named(table[0], "TABLE", rs.getString(2), "", "", "");
                    (view ? views : tables).add(named);
                }
            }
            later.addAll(views);
            for (String[] trigger : names(
                    c,
                    "SELECT TRIGGER_NAME, '' FROM information_schema.TRIGGERS"
                            + " WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
                            + " ACTION_ORDER",
                    shard)) {
                later.add(object(s, "TRIGGER", shard, trigger[0], 3, 2, 4, 5));
            }
            for (String[] routine : names(
                    c,
                    "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
                            + " WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_TYPE, ROUTINE_NAME",
                    shard)) {
                later.add(object(s, routine[1], shard, routine[0], 3, 2, 4, 5));
            }
            for (String[] event : names(
                    c,
                    "SELECT EVENT_NAME, '' FROM information_schema.EVENTS"
                            + " WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME",
                    shard)) {
                Named created = object(s, "EVENT", shard, event[0], 4, 2, 5, 6);
                // A copy must not run the home's events: their writes would be wrong-master writes.
                later.add(new Named(
                        created.name(),
                        created.kind(),
                        created.statement().replaceFirst("(?i)\\sENABLE(\\s|$)", " DISABLE ON SLAVE$1"),
                        created.sqlMode(),
                        created.charset(),
                        created.collation()));
            }
        }
        return new ShardSchema(shard, database, tables, later);
    }

    private static Named object(
            Statement s, String kind, String shard, String name, int statement, int mode, int charset, int collation)
            throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW CREATE " + kind + " " + qualified(shard, name))) {
            if (!rs.next() || rs.getString(statement) == null) {
                throw new SQLException("SHOW CREATE " + kind + " " + shard + "." + name + " gave no statement;"
                        + " the re-seed account needs SELECT on mysql.proc / the object's privileges at the home");
            }
            return new Named(
                    name,
                    kind,
                    rs.getString(statement),
                    rs.getString(mode),
                    rs.getString(charset),
                    rs.getString(collation));
        }
    }

    private static List<String[]> names(Connection c, String sql, String shard) throws SQLException {
        List<String[]> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, shard);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return names;
    }

    private static String qualified(String shard, String name) {
        return Sql.name(shard) + "." + Sql.name(name);
    }

    /** Whether the shard has a schema at the site {@code c} is connected to. */
    static boolean exists(Connection c, String shard) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, shard);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops the shard's schema at the copy, if it has one (the session has sql_log_bin=0). */
    static void drop(Connection copy, String shard) throws SQLException {
        try (Statement s = copy.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Sql.name(shard));
        }
    }

    /** Drops and recreates the database and its tables at the copy (the session has sql_log_bin=0). */
    void createTables(Connection copy) throws SQLException {
        try (Statement s = copy.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("DROP DATABASE IF EXISTS " + Sql.name(shard));
            s.execute(database);
            s.execute("USE " + Sql.name(shard));
            for (Named table : tables) {
                s.execute(table.statement());
            }
        }
    }

    /** Creates views (in an order their dependencies allow), triggers, routines and events at the copy. */
    void createLater(Connection copy) throws SQLException {
        try (Statement s = copy.createStatement()) {
            s.execute("USE " + Sql.name(shard));
            List<Named> pending = new ArrayList<>(later);
            while (!pending.isEmpty()) {
                SQLException last = null;
                List<Named> failed = new ArrayList<>();
                for (Named object : pending) {
                    try {
                        create(s, object);
                    } catch (SQLException e) {
                        if (!object.kind().equals("VIEW")) {
                            throw e;
                        }
                        last = e;
                        failed.add(object); // a view over a view not created yet: retried next round
                    }
                }
                if (failed.size() == pending.size()) {
                    throw last;
                }
                pending = failed;
            }
        }
    }

    private static void create(Statement s, Named object) throws SQLException {
        if (!object.sqlMode().isEmpty()) {
            s.execute("SET SESSION sql_mode = '" + object.sqlMode().replace("'", "''") + "'");
        }
        if (!object.charset().isEmpty()) {
            s.execute("SET SESSION character_set_client = " + object.charset() + ", collation_connection = "
                    + object.collation());
        }
        s.execute(object.statement());
    }
}
