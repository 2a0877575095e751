package io.shardhome.directory.client;

import io.shardhome.directory.site.Site;
import javax.sql.DataSource;

/**
 * Supplied by the application: builds the DataSource (typically a connection pool) for one site's
 * master, with the application's own credentials. Called once per distinct endpoint; must be
 * thread-safe.
 */
@FunctionalInterface
public interface SiteDataSourceFactory {
    DataSource create(Site site);
}
