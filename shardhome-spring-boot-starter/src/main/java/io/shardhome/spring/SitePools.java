package io.shardhome.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.ShardhomeClientException.Code;
import io.shardhome.directory.client.SiteDataSourceFactory;
import io.shardhome.directory.site.Site;
import javax.sql.DataSource;

/**
 * One HikariCP pool per site master, with the application's account for that site. A returned connection
 * goes back to a neutral schema ({@value #NEUTRAL_SCHEMA}), so that every request switches to its shard's
 * schema anew: the server then applies the account's current grants (a move hands them over), and a move
 * that ends the sessions using a shard's schema never ends an idle pooled connection. Thread-safe.
 */
final class SitePools implements SiteDataSourceFactory {
    /** Every account may use it; nothing is written there. */
    static final String NEUTRAL_SCHEMA = "information_schema";

    private final ShardhomeClientProperties properties;
    private final String scheme;

    SitePools(ShardhomeClientProperties properties) {
        this.properties = properties;
        this.scheme = scheme(properties.jdbcScheme());
    }

    /** The configured JDBC scheme, else mariadb when its driver is there, else mysql. */
    static String scheme(String configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            Class.forName("org.mariadb.jdbc.Driver", false, SitePools.class.getClassLoader());
            return "mariadb";
        } catch (ClassNotFoundException e) {
            return "mysql";
        }
    }

    @Override
    public DataSource create(Site site) {
        ShardhomeClientProperties.Account account = properties.accountFor(site.name());
        if (account.username() == null || account.username().isBlank()) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "no database account for site " + site.name() + ": set shardhome.client.username and"
                            + " password, or shardhome.client.sites." + site.name() + ".username and password");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("shardhome-" + site.name());
        config.setJdbcUrl(site.jdbcUrl(scheme, ""));
        config.setUsername(account.username());
        config.setPassword(account.password());
        config.setCatalog(NEUTRAL_SCHEMA);
        config.setMaximumPoolSize(properties.pool().maximumSize());
        config.setMinimumIdle(properties.pool().minimumIdle());
        config.setConnectionTimeout(properties.pool().connectionTimeout().toMillis());
        // A site that is down must not stop the application from starting; requests to it fail instead.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
