package io.shardhome.spring;

import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.ShardhomeClientException.Code;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application side's configuration under {@code shardhome.client}. Immutable. Secrets (token,
 * passwords) never appear in {@link #toString()}.
 *
 * @param url the shardhome service, e.g. {@code http://shardhome:8080}: the map comes over its feed (the
 *     default way; the application needs no ZooKeeper access)
 * @param token a reader token of that service
 * @param zookeeper instead of {@code url}: a ZooKeeper connect string, to read the directory directly
 * @param zookeeperDigest with {@code zookeeper}: {@code user:password} of a digest identity, if the
 *     directory's znodes need one
 * @param cluster with {@code zookeeper}: the directory's cluster name
 * @param localSite the site this application runs at: read-only work may use its copies, and {@code
 *     #LOCAL} shards live there
 * @param username the application's database account at every site's master
 * @param password its password
 * @param sites per-site accounts that differ from {@code username}/{@code password}, by site name
 * @param jdbcScheme {@code mariadb} or {@code mysql}; empty: {@code mariadb} when its driver is on the
 *     class path, else {@code mysql}
 * @param fenceWait how long a write waits while its shard's home is moving before it fails with the
 *     retryable {@code ShardFencedException}
 * @param reads where read-only work may go
 * @param pool each site's HikariCP pool
 * @param startTimeout how long start-up waits for the first map
 * @param migrateShards with Flyway on the class path: run the application's migrations ({@code
 *     spring.flyway.*}) in every shard's schema at its home at start-up, instead of in one database
 */
@ConfigurationProperties("shardhome.client")
public record ShardhomeClientProperties(
        URI url,
        String token,
        String zookeeper,
        String zookeeperDigest,
        @DefaultValue("default") String cluster,
        String localSite,
        String username,
        String password,
        Map<String, Account> sites,
        @DefaultValue("") String jdbcScheme,
        @DefaultValue("5s") Duration fenceWait,
        @DefaultValue Reads reads,
        @DefaultValue Pool pool,
        @DefaultValue("30s") Duration startTimeout,
        @DefaultValue("true") boolean migrateShards) {

    public ShardhomeClientProperties {
        sites = Map.copyOf(Objects.requireNonNullElse(sites, Map.of()));
    }

    /**
     * @param fromCopies whether read-only work may go to the local site's copy at all
     * @param maxLag the copy may serve reads while its link is ONLINE and at most this far behind (whole
     *     seconds)
     * @param linkPoll with {@code zookeeper}: how often the links' statuses are read
     */
    public record Reads(
            @DefaultValue("true") boolean fromCopies,
            @DefaultValue("5s") Duration maxLag,
            @DefaultValue("1s") Duration linkPoll) {}

    /**
     * @param maximumSize connections per site
     * @param minimumIdle idle connections kept per site
     * @param connectionTimeout how long a request waits for a free connection
     */
    public record Pool(
            @DefaultValue("10") int maximumSize,
            @DefaultValue("0") int minimumIdle,
            @DefaultValue("5s") Duration connectionTimeout) {}

    /** A database account at one site. */
    public record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[username=" + username + "]";
        }
    }

    /**
     * Checks that exactly one way to the map is configured and the durations make sense.
     *
     * @throws ShardhomeClientException {@code INVALID_CONFIG} naming the property to fix
     */
    void validate() {
        boolean http = url != null;
        boolean zk = zookeeper != null && !zookeeper.isBlank();
        if (http == zk) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "configure exactly one way to the shard map: shardhome.client.url (the service, with"
                            + " shardhome.client.token) or shardhome.client.zookeeper (a connect string); got "
                            + (http ? "both" : "neither"));
        }
        if (http && (token == null || token.isBlank())) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "shardhome.client.url is set but shardhome.client.token is not: give a reader token of the"
                            + " service at " + url);
        }
        if (fenceWait.isNegative() || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "shardhome.client.fence-wait must not be negative and shardhome.client.start-timeout must be"
                            + " positive; got " + fenceWait + " and " + startTimeout);
        }
        if (!jdbcScheme.isEmpty() && !jdbcScheme.equals("mariadb") && !jdbcScheme.equals("mysql")) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "shardhome.client.jdbc-scheme is '" + jdbcScheme + "'; use mariadb or mysql (or leave it empty)");
        }
    }

    /** The account for {@code site}: its own, else the default one. */
    Account accountFor(String site) {
        Account own = sites.get(site);
        if (own != null && own.username() != null) {
            return own;
        }
        return new Account(username, password);
    }

    @Override
    public String toString() {
        return "ShardhomeClientProperties[url=" + url + ", zookeeper=" + zookeeper + ", localSite=" + localSite
                + ", username=" + username + ", fenceWait=" + fenceWait + ", reads=" + reads + "]";
    }
}
