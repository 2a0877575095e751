package io.shardhome.filter.gtid;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Locale;
import java.util.Objects;

/**
 * One global transaction id. MariaDB: {@code domain-server-sequence}; MySQL: {@code uuid:n} or, with a
 * tag (MySQL 8.3+), {@code uuid:tag:n}. Immutable.
 *
 * @param source MariaDB: the domain id as text; MySQL: the source uuid (lower case) with its tag, if any,
 *     as {@code uuid:tag}
 * @param serverId MariaDB: the server id that wrote it; MySQL: 0
 * @param sequence the transaction's number within its domain (MariaDB) or source uuid and tag (MySQL)
 */
public record Gtid(GtidFlavour flavour, String source, long serverId, long sequence) {
    public Gtid {
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(source, "source");
        if (sequence < 1 && flavour == GtidFlavour.MYSQL || sequence < 0) {
            throw new ShardFilterException(Code.INVALID_GTID, "GTID sequence " + sequence + " is out of range");
        }
    }

    /** A MariaDB GTID {@code domain-server-sequence}. */
    public static Gtid mariaDb(long domain, long serverId, long sequence) {
        return new Gtid(GtidFlavour.MARIADB, Long.toString(domain), serverId, sequence);
    }

    /** Parses {@code d-s-n} (MariaDB) or {@code uuid[:tag]:n} (MySQL). */
    public static Gtid parse(String text) {
        String t = text.strip();
        if (GtidFlavour.of(t) == GtidFlavour.MARIADB) {
            String[] parts = t.split("-");
            if (parts.length != 3) {
                throw invalid(text, "a MariaDB GTID is domain-server-sequence, e.g. 0-1-42");
            }
            return mariaDb(number(parts[0], text), number(parts[1], text), number(parts[2], text));
        }
        int last = t.lastIndexOf(':');
        if (last <= 0) {
            throw invalid(text, "a MySQL GTID is uuid:number, e.g. 3e11fa47-71ca-11e1-9e33-c80aa9429562:23");
        }
        return new Gtid(
                GtidFlavour.MYSQL,
                t.substring(0, last).toLowerCase(Locale.ROOT),
                0,
                number(t.substring(last + 1), text));
    }

    /** MariaDB: the domain id. */
    public long domain() {
        return Long.parseLong(source);
    }

    static long number(String text, String whole) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw invalid(whole, "numbers in a GTID are not negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(whole, "'" + text + "' is not a number");
        }
    }

    static ShardFilterException invalid(String text, String why) {
        return new ShardFilterException(Code.INVALID_GTID, "'" + text + "' is not a GTID: " + why);
    }

    @Override
    public String toString() {
        return flavour == GtidFlavour.MARIADB ? source + "-" + serverId + "-" + sequence : source + ":" + sequence;
    }
}
