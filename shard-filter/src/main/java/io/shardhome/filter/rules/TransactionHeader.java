package io.shardhome.filter.rules;

import io.shardhome.filter.gtid.Gtid;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules need to know about one source transaction. Immutable.
 *
 * @param schemas every schema the transaction touches (row events' tables, a statement's schemas,
 *     the schema of CREATE/ALTER/DROP DATABASE), the catalog schema included if touched
 * @param ddl whether the transaction is a DDL statement
 * @param originSite the site where the application committed it: the source site for a local
 *     write, or the source of the link that applied it (known from the catalog position update)
 * @param gtid the transaction's GTID at the source, e.g. {@code 0-1-42}: it places a transaction of a moved
 *     shard in its home history, and names it in messages; null when the source has none
 * @param position the binlog position for messages, e.g. {@code mysql-bin.000003:1234}; may be empty
 */
public record TransactionHeader(Set<String> schemas, boolean ddl, String originSite, Gtid gtid, String position) {
    public TransactionHeader {
        schemas = Set.copyOf(schemas);
        Objects.requireNonNull(originSite, "originSite");
        position = position == null ? "" : position;
    }

    /** The GTID as text, empty when there is none. */
    public String gtidText() {
        return gtid == null ? "" : gtid.toString();
    }
}
