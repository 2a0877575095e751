package io.shardhome.service.config;

import io.shardhome.directory.site.Site;
import io.shardhome.links.SiteEndpoint;
import java.util.Optional;

/**
 * The endpoint of a registered site as this instance reaches it: host, port and JDBC parameters from the
 * site registry, account and TLS settings from {@code shardhome.site-credentials.<site>}. Stateless.
 */
public final class SiteEndpoints {
    private SiteEndpoints() {}

    /**
     * @return empty when this instance has no credentials for the site
     * @throws io.shardhome.links.LinkException {@code INVALID_USE} when the registry entry's host or
     *     parameters are not allowed, or the TLS settings do not fit together
     */
    public static Optional<SiteEndpoint> of(Site site, ShardhomeProperties properties) {
        ShardhomeProperties.SiteCredentials account =
                properties.siteCredentials().get(site.name());
        if (account == null || account.user() == null) {
            return Optional.empty();
        }
        return Optional.of(SiteEndpoint.of(
                site.name(),
                site.host(),
                site.port(),
                account.user(),
                account.password(),
                account.tls(),
                site.jdbcParams()));
    }
}
