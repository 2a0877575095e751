package io.shardhome.service.failover;

import io.shardhome.directory.site.Site;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.target.Catalog;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.config.SiteEndpoints;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * What a failover reads at the surviving masters (never at the dead one): how much of the dead site each
 * survivor's link has processed (its catalog), and each survivor's own GTID position (where its tenure of a
 * shard begins). Stateless; every read opens its own session.
 */
final class SurvivorPositions {
    private static final int NO_SUCH_TABLE = 1146;

    private SurvivorPositions() {}

    /** The dead site's GTID set the link {@code dead->survivor} processed into the survivor; empty before any. */
    static GtidSet processedOf(String dead, Site survivor, ShardhomeProperties properties) {
        String linkId = new LinkRoles(dead, survivor.name()).linkId();
        return at(survivor, properties, "reading what link " + linkId + " processed", c -> {
            try {
                return Catalog.processed(c, linkId);
            } catch (SQLException e) {
                if (e.getErrorCode() == NO_SUCH_TABLE) {
                    return GtidSet.EMPTY;
                }
                throw e;
            }
        });
    }

    /** The survivor's own GTID position now (MariaDB {@code gtid_binlog_pos}, MySQL {@code gtid_executed}). */
    static GtidSet ownPosition(Site survivor, ShardhomeProperties properties) {
        return at(survivor, properties, "reading its GTID position", c -> {
            try (Statement s = c.createStatement()) {
                boolean mariaDb = single(s, "SELECT VERSION()").contains("MariaDB");
                return GtidSet.parse(
                        single(s, mariaDb ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed"));
            }
        });
    }

    static SiteEndpoint endpoint(Site site, ShardhomeProperties properties) {
        return SiteEndpoints.of(site, properties)
                .orElseThrow(() -> new ServiceException(
                        Code.FAILOVER_REFUSED,
                        "this instance has no credentials for site " + site.name() + " (set shardhome"
                                + ".site-credentials." + site.name() + ".user and .password)"));
    }

    private static <T> T at(Site site, ShardhomeProperties properties, String what, Catalog.CatalogWork<T> work) {
        try {
            return Catalog.atTarget(endpoint(site, properties), what, work);
        } catch (LinkException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "surviving site " + site.name() + " failed while " + what + " (" + e.getMessage() + "); a"
                            + " failover needs every ACTIVE site it re-homes at or reads from: fix it, or mark it"
                            + " DOWN too, and retry",
                    Map.of("site", site.name()),
                    e);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String value = rs.getString(1);
            return value == null ? "" : value.trim();
        }
    }
}
