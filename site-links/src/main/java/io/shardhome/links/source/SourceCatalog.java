package io.shardhome.links.source;

/** What a source master says about itself that its binlog does not carry. */
public interface SourceCatalog {
    boolean isMariaDb();

    /**
     * The character set and collation names of collation id {@code id}, as {@code {charset, collation}}.
     *
     * @throws io.shardhome.links.LinkException {@code EVENT_UNREADABLE} for an id the source does not know
     */
    String[] collation(int id);
}
