package io.shardhome.service.sites;

import io.shardhome.directory.site.Site;

/**
 * A site as the API shows it: endpoint, region and state; never credentials. Immutable.
 *
 * @param site the site name
 * @param host the master's host
 * @param port the master's MySQL port
 * @param jdbcParams extra JDBC URL parameters (never a password: the directory refuses those)
 * @param region a free-form region or label
 * @param state ACTIVE, DRAINING or DOWN
 */
public record SiteBody(String site, String host, int port, String jdbcParams, String region, String state) {
    static SiteBody of(Site site) {
        return new SiteBody(
                site.name(),
                site.host(),
                site.port(),
                site.jdbcParams(),
                site.label(),
                site.state().name());
    }
}
