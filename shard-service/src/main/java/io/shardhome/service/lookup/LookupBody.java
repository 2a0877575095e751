package io.shardhome.service.lookup;

import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.site.Site;

/**
 * Where a shard takes its writes, for applications. Immutable.
 *
 * @param shard the shard id
 * @param home its home site, or {@code #LOCAL}
 * @param state ACTIVE, or FENCED while a move cuts over (do not write; retry shortly)
 * @param critical whether links apply it serially
 * @param mapVersion the map version the answer comes from
 * @param master the home master; null for a {@code #LOCAL} shard
 */
public record LookupBody(String shard, String home, String state, boolean critical, long mapVersion, Master master) {

    /**
     * @param site the site name
     * @param host the master's host
     * @param port its MySQL port
     * @param jdbcUrl a JDBC URL for the shard's schema on that master
     */
    public record Master(String site, String host, int port, String jdbcUrl) {}

    static LookupBody of(ShardLocation location, String jdbcScheme) {
        Site site = location.master();
        Master master = site == null
                ? null
                : new Master(site.name(), site.host(), site.port(), site.jdbcUrl(jdbcScheme, location.shardId()));
        return new LookupBody(
                location.shardId(),
                location.home().value(),
                location.state().name(),
                location.critical(),
                location.mapVersion(),
                master);
    }
}
