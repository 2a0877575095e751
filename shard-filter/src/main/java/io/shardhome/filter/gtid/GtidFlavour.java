package io.shardhome.filter.gtid;

/** The two GTID dialects: MariaDB ({@code domain-server-seq}) and MySQL ({@code uuid:intervals}). */
public enum GtidFlavour {
    MARIADB,
    MYSQL;

    /** The flavour of a GTID or GTID set text: MySQL sets have a {@code :}, MariaDB ones never. */
    static GtidFlavour of(String text) {
        return text.indexOf(':') >= 0 ? MYSQL : MARIADB;
    }
}
