package io.shardhome.links;

import io.shardhome.links.LinkException.Code;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.TxStep;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Origin tagging: how a link tells a transaction another link applied at its source master from a local
 * write. A link applies rows in the same transaction as an update of its row in {@code
 * shardhome.link_position}; on MariaDB it also writes everything, DDL included, under the origin's {@code
 * server_id}, which the binlog keeps in every event header whatever the server does to the statement text.
 * MySQL has no session server id, so DDL applied there carries a leading comment ({@link #ddlComment}),
 * which the server keeps unless it rewrites the statement. Pure and thread-safe.
 */
public final class OriginTag {
    public static final String CATALOG_SCHEMA = "shardhome";
    public static final String POSITION_TABLE = "link_position";
    /** The origin of a transaction a link applied at the source, when which site it came from is not needed. */
    public static final String APPLIED_BY_A_LINK = "#LINK";

    private static final Pattern DDL_TAG = Pattern.compile("^\\s*/\\* shardhome origin=([a-z0-9_-]{1,32}) ");

    private OriginTag() {}

    /** The comment the applier puts before a DDL statement applied by link {@code linkId} at a MySQL site. */
    public static String ddlComment(String originSite, String linkId) {
        return "/* shardhome origin=" + originSite + " link=" + linkId + " */ ";
    }

    /**
     * The site where {@code tx} was committed by an application: {@code sourceSite} for a local write, else
     * {@link #APPLIED_BY_A_LINK} (or the site a MySQL DDL comment names).
     *
     * @param sourceServerId the server id of the source master: its local writes carry it
     * @param linkOrigin whether a server id is one that links applying into the source write under (a lone
     *     DDL statement has no position update to show that a link applied it)
     * @throws LinkException {@code UNSUPPORTED_EVENT} for row changes written under another server id
     *     without a link's position update, or a lone DDL statement under a server id no link writes under:
     *     neither local nor a link's, so the link cannot judge them
     */
    public static String originOf(
            SourceTransaction tx, String sourceSite, long sourceServerId, LongPredicate linkOrigin) {
        if (tx.touchesPositions()) {
            return APPLIED_BY_A_LINK;
        }
        if (tx.serverId() != sourceServerId) {
            if (tx.isDdl() && tx.rowEvents().isEmpty() && linkOrigin.test(tx.serverId())) {
                return APPLIED_BY_A_LINK;
            }
            throw new LinkException(
                    Code.UNSUPPORTED_EVENT,
                    "transaction " + tx.gtid() + " (tables " + tx.tables() + ") was written at " + sourceSite
                            + " under server_id " + tx.serverId() + " (the source's is " + sourceServerId
                            + (tx.isDdl() && tx.rowEvents().isEmpty()
                                    ? "), a server id no link applying into " + sourceSite + " writes under"
                                    : ") without a link's position update")
                            + ": it was not applied by a shardhome link (a native replication thread, a promoted"
                            + " master that changed its server_id, or a session that set server_id?), so its"
                            + " origin is unknown; stop that writer, then skip the transaction or re-seed the shard",
                    tx.gtid().toString(),
                    String.join(",", tx.schemas()),
                    null);
        }
        return tx.ddl().flatMap(OriginTag::taggedSite).orElse(sourceSite);
    }

    private static java.util.Optional<String> taggedSite(TxStep.Statement ddl) {
        Matcher tag = DDL_TAG.matcher(ddl.text());
        return tag.find() ? java.util.Optional.of(tag.group(1)) : java.util.Optional.empty();
    }
}
