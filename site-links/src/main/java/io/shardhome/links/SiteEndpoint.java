package io.shardhome.links;

import io.shardhome.filter.map.Names;
import java.util.Objects;

/**
 * How to reach one site's master: the account needs REPLICATION SLAVE and REPLICATION CLIENT (BINLOG
 * MONITOR) at a source, and write access to the user schemas and {@code shardhome} plus BINLOG REPLAY (BINLOG
 * statements, origin server_id) and BINLOG ADMIN (position-only updates that must not be logged) at a target;
 * {@link io.shardhome.links.preflight.LinkPreflight} checks them. Immutable.
 */
public record SiteEndpoint(String site, String host, int port, String user, String password) {
    public SiteEndpoint {
        Names.requireSiteName(site);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of site " + site + " is not a TCP port");
        }
    }

    /**
     * A mysql-connector-j URL for this master. Sessions run in UTC so TIMESTAMP values (bound as text)
     * keep their instant; server-side prepared statements are off to allow batching rewrites.
     */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&connectTimeout=5000&socketTimeout=60000"
                + "&characterEncoding=UTF-8&useUnicode=true";
    }

    @Override
    public String toString() {
        return site + "@" + host + ":" + port;
    }
}
