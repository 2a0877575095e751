package io.shardhome.links.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The session state a statement ran with at the source, from its query event's status variables (what a
 * replica, or {@code mysqlbinlog}, sets before running it): sql_mode, the option bits that change what a
 * statement does, character sets and collations, time zone, locale, auto-increment steps and the time.
 * Values a server did not log are null. {@code invoker} is the account a statement ran as, when the
 * server logged it for the replica ({@code 'user'@'host'}); {@code unknownStatusCode} is the first status
 * variable this reader does not know (0: none), after which nothing more could be read. Collations are logged as ids and set by name (ids differ between
 * servers, e.g. MySQL's 255). Status variables are written in increasing code order and a reader
 * stops at the first code it does not know, as the servers do. Immutable.
 */
public record SessionContext(
        Long flags2,
        Long sqlMode,
        int[] autoIncrement,
        int[] collations,
        String timeZone,
        Integer lcTimeNames,
        Integer collationDatabase,
        Integer microseconds,
        Integer explicitDefaultsForTimestamp,
        int alterPhase,
        String invoker,
        int unknownStatusCode) {
    private static final long AUTO_IS_NULL = 1L << 14;
    private static final long EXPLICIT_DEFAULTS_FOR_TIMESTAMP = 1L << 24;
    private static final long NO_FOREIGN_KEY_CHECKS = 1L << 26;
    private static final long RELAXED_UNIQUE_CHECKS = 1L << 27;
    private static final long IF_EXISTS = 1L << 28;

    /** MariaDB's binlog_alter_two_phase flags (START, COMMIT, ROLLBACK ALTER): logged twice, replayed never. */
    static final int START_ALTER = 0x02;

    static final int COMMIT_OR_ROLLBACK_ALTER = 0x04 | 0x08;

    static final SessionContext NONE =
            new SessionContext(null, null, null, null, null, null, null, null, null, 0, null, 0);

    /** Whether this statement is one half of an ALTER logged in two phases ({@code binlog_alter_two_phase}). */
    public boolean twoPhaseAlter() {
        return (alterPhase & (START_ALTER | COMMIT_OR_ROLLBACK_ALTER)) != 0;
    }

    /** Parses status variables {@code [from, to)} of a query event body. */
    static SessionContext parse(byte[] b, int from, int to) {
        StatusReader r = new StatusReader(b, from, to);
        return r.read();
    }

    /** The client collation id the statement's bytes are in (null: not logged). */
    public Integer clientCollation() {
        return collations == null ? null : collations[0];
    }

    /**
     * SET statements that give a target session this context, MariaDB flavoured when {@code mariaDb}.
     * {@code clientExact} says the statement text is sent in the logged client character set (UTF-8
     * compatible ones); otherwise the text is sent as utf8mb4 and only the connection and server
     * collations are kept.
     */
    public List<String> statements(
            boolean mariaDb, IntFunction<String[]> names, boolean clientExact, long timestampSeconds) {
        List<String> sql = new ArrayList<>();
        if (flags2 != null) {
            List<String> flags = new ArrayList<>();
            flags.add("@@session.foreign_key_checks=" + ((flags2 & NO_FOREIGN_KEY_CHECKS) == 0 ? 1 : 0));
            flags.add("@@session.unique_checks=" + ((flags2 & RELAXED_UNIQUE_CHECKS) == 0 ? 1 : 0));
            flags.add("@@session.sql_auto_is_null=" + ((flags2 & AUTO_IS_NULL) == 0 ? 0 : 1));
            if (mariaDb) {
                flags.add("@@session.sql_if_exists=" + ((flags2 & IF_EXISTS) == 0 ? 0 : 1));
                flags.add("@@session.explicit_defaults_for_timestamp="
                        + ((flags2 & EXPLICIT_DEFAULTS_FOR_TIMESTAMP) == 0 ? 0 : 1));
            }
            sql.add("SET " + String.join(", ", flags));
        }
        if (explicitDefaultsForTimestamp != null && !mariaDb) {
            sql.add("SET @@session.explicit_defaults_for_timestamp=" + explicitDefaultsForTimestamp);
        }
        if (sqlMode != null) {
            sql.add("SET @@session.sql_mode=" + sqlMode);
        }
        if (autoIncrement != null) {
            sql.add("SET @@session.auto_increment_increment=" + autoIncrement[0] + ", @@session.auto_increment_offset="
                    + autoIncrement[1]);
        }
        if (collations != null) {
            String client = clientExact ? names.apply(collations[0])[0] : "utf8mb4";
            String connection = clientExact ? ", @@session.collation_connection=" + names.apply(collations[1])[1] : "";
            sql.add("SET @@session.character_set_client=" + client + connection + ", @@session.collation_server="
                    + names.apply(collations[2])[1]);
        }
        if (timeZone != null) {
            sql.add("SET @@session.time_zone='" + timeZone.replace("'", "''").replace("\\", "\\\\") + "'");
        }
        if (lcTimeNames != null) {
            sql.add("SET @@session.lc_time_names=" + lcTimeNames);
        }
        if (collationDatabase != null && collationDatabase != 0) {
            sql.add("SET @@session.collation_database=" + names.apply(collationDatabase)[1]);
        }
        sql.add("SET TIMESTAMP=" + timestampSeconds
                + (microseconds == null ? "" : String.format(".%06d", microseconds)));
        return sql;
    }

    /** Walks the status variables; stops at an unknown code like the servers do. */
    private static final class StatusReader {
        private final byte[] b;
        private int at;
        private final int to;
        private Long flags2;
        private Long sqlMode;
        private int[] autoIncrement;
        private int[] collations;
        private String timeZone;
        private Integer lcTimeNames;
        private Integer collationDatabase;
        private Integer microseconds;
        private Integer explicitDefaults;
        private int alterPhase;
        private String invoker;
        private int unknownStatusCode;

        StatusReader(byte[] b, int from, int to) {
            this.b = b;
            this.at = from;
            this.to = Math.min(to, b.length);
        }

        SessionContext read() {
            while (at < to && step(b[at++] & 0xFF)) {
                // each step consumed one status variable
            }
            return new SessionContext(
                    flags2,
                    sqlMode,
                    autoIncrement,
                    collations,
                    timeZone,
                    lcTimeNames,
                    collationDatabase,
                    microseconds,
                    explicitDefaults,
                    alterPhase,
                    invoker,
                    unknownStatusCode);
        }

        private boolean step(int code) {
            switch (code) {
                case 0 -> flags2 = number(4);
                case 1 -> sqlMode = number(8);
                case 2 -> at += (b[at] & 0xFF) + 2; // old catalog, NUL-terminated
                case 3 -> autoIncrement = new int[] {(int) number(2), (int) number(2)};
                case 4 -> collations = new int[] {(int) number(2), (int) number(2), (int) number(2)};
                case 5 -> timeZone = text();
                case 6 -> text(); // catalog
                case 7 -> lcTimeNames = (int) number(2);
                case 8 -> collationDatabase = (int) number(2);
                case 9 -> at += 8; // table map for update
                case 10 -> at += 4; // master data written
                case 11 -> invoker = "'" + text().replace("'", "''") + "'@'" + text().replace("'", "''") + "'";
                case 12 -> updatedDbNames();
                case 13 -> microseconds = (int) number(3);
                case 14, 15 -> at += 8; // MySQL commit timestamps (never written)
                case 16 -> explicitDefaults = (int) number(1);
                case 17 -> at += 8; // MySQL DDL xid
                case 18 -> at += 2; // MySQL default collation for utf8mb4
                case 19, 20 -> at += 1; // MySQL sql_require_primary_key, default table encryption
                case 128 -> microseconds = (int) number(3); // MariaDB high-resolution now
                case 129 -> at += 8; // MariaDB xid
                case 130 -> {
                    alterPhase = (int) number(1);
                    at += (alterPhase & COMMIT_OR_ROLLBACK_ALTER) != 0 ? 8 : 0;
                }
                case 131 -> at += 1 + (b[at] & 0xFF) * 4; // MariaDB 11.2+: character set collations
                default -> {
                    unknownStatusCode = code;
                    return false;
                }
            }
            return at <= to;
        }

        private long number(int length) {
            long value = EventBodies.little(b, at, length);
            at += length;
            return value;
        }

        private String text() {
            int length = b[at++] & 0xFF;
            String value = new String(b, at, length, java.nio.charset.StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        private void updatedDbNames() {
            int count = b[at++] & 0xFF;
            if (count == 254) {
                return;
            }
            for (int i = 0; i < count; i++) {
                while (at < to && b[at] != 0) {
                    at++;
                }
                at++;
            }
        }
    }
}
