package io.shardhome.links;

import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.SourceTransaction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Origin tagging: how a link tells a transaction another link applied at its source master from a local
 * write. A link applies rows in the same transaction as an update of its row in {@code
 * shardhome.link_position}, whose {@code source_site} is the origin; DDL cannot share a transaction, so
 * the applier prefixes it with the comment {@link #ddlComment}. Anything untagged is a local write: its
 * origin is the source site. Pure and thread-safe.
 */
public final class OriginTag {
    public static final String CATALOG_SCHEMA = "shardhome";
    public static final String POSITION_TABLE = "link_position";
    public static final String SOURCE_SITE_COLUMN = "source_site";
    private static final Pattern DDL_TAG = Pattern.compile("^\\s*/\\* shardhome origin=([a-z0-9_-]{1,32}) ");

    private OriginTag() {}

    /** The comment the applier puts before a DDL statement applied by link {@code linkId}. */
    public static String ddlComment(String originSite, String linkId) {
        return "/* shardhome origin=" + originSite + " link=" + linkId + " */ ";
    }

    /** The site where {@code tx} was committed by an application, read at {@code sourceSite}. */
    public static String originOf(SourceTransaction tx, String sourceSite) {
        for (RowChange row : tx.rows()) {
            String origin = originOfPositionRow(row);
            if (origin != null) {
                return origin;
            }
        }
        if (tx.isDdl()) {
            Matcher tag = DDL_TAG.matcher(tx.statements().get(0).sql());
            if (tag.find()) {
                return tag.group(1);
            }
        }
        return sourceSite;
    }

    private static String originOfPositionRow(RowChange row) {
        if (!CATALOG_SCHEMA.equals(row.table().schema())
                || !POSITION_TABLE.equals(row.table().table())) {
            return null;
        }
        int column = row.table().indexOf(SOURCE_SITE_COLUMN);
        List<Object> image = row.after().isEmpty() ? row.before() : row.after();
        if (column < 0 || column >= image.size() || image.get(column) == null) {
            return null;
        }
        return image.get(column).toString();
    }
}
