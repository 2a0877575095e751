package io.shardhome.service.config;

import io.shardhome.filter.map.Names;
import io.shardhome.service.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's configuration under {@code shardhome.*}. Immutable; validated when bound, so a bad value
 * fails start-up naming the property. Secrets (ZooKeeper digest password,
 * tokens, user passwords) never appear in {@link #toString()}.
 *
 * @param dataDir where the embedded ZooKeeper and the generated admin token live
 * @param cluster the directory's cluster name (root {@code /shardhome/<cluster>})
 * @param zookeeper how to reach ZooKeeper
 * @param security who may call the API
 * @param lookup how lookup answers are shaped
 * @param links the replication links this instance may run
 * @param moves how shard moves fence writes and how long they may take
 * @param siteCredentials the database account to use at each site's master, by site name; host and port
 *     come from the directory's site registry
 */
@ConfigurationProperties("shardhome")
@Validated
public record ShardhomeProperties(
        @DefaultValue("./.shardhome") Path dataDir,
        @DefaultValue("default") String cluster,
        @DefaultValue ZooKeeper zookeeper,
        @DefaultValue Security security,
        @DefaultValue Lookup lookup,
        @DefaultValue @Valid Links links,
        @DefaultValue Moves moves,
        Map<String, SiteCredentials> siteCredentials) {

    public ShardhomeProperties {
        siteCredentials = Map.copyOf(Objects.requireNonNullElse(siteCredentials, Map.of()));
    }

    /**
     * @param connect the ensemble's connect string; empty starts an embedded single node in the data dir
     * @param embeddedPort the embedded node's client port (0 picks a free one)
     * @param digestUser the digest identity owning shardhome's znodes; empty for open ACLs
     * @param digestPassword its password
     * @param sessionTimeout ZooKeeper session timeout
     * @param startTimeout how long start-up waits for the first complete shard map
     */
    public record ZooKeeper(
            @DefaultValue("") String connect,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("") String digestUser,
            @DefaultValue("") String digestPassword,
            @DefaultValue("30s") Duration sessionTimeout,
            @DefaultValue("30s") Duration startTimeout) {
        public boolean embedded() {
            return connect.isBlank();
        }

        @Override
        public String toString() {
            return "ZooKeeper[connect=" + (embedded() ? "<embedded>" : connect) + ", digestUser=" + digestUser + "]";
        }
    }

    /**
     * @param tokens bearer tokens; when neither tokens nor users are configured an admin token is generated
     *     into {@code <dataDir>/<adminTokenFile>}
     * @param users HTTP basic users
     * @param adminTokenFile file name of the generated admin token inside the data dir
     */
    public record Security(List<Token> tokens, List<User> users, @DefaultValue("admin.token") String adminTokenFile) {
        public Security {
            tokens = List.copyOf(Objects.requireNonNullElse(tokens, List.of()));
            users = List.copyOf(Objects.requireNonNullElse(users, List.of()));
        }

        public boolean hasCredentials() {
            return !tokens.isEmpty() || !users.isEmpty();
        }
    }

    /**
     * A bearer token.
     *
     * @param name who holds it (shown in the audit trail)
     * @param token the token itself, or {@code sha256:<hex>} of it so the configuration holds no secret
     * @param role what it may do
     */
    public record Token(String name, String token, Role role) {
        @Override
        public String toString() {
            return "Token[name=" + name + ", role=" + role + "]";
        }
    }

    /**
     * An HTTP basic user.
     *
     * @param password with a Spring Security encoder prefix ({@code {bcrypt}...}); plain text is taken as
     *     {@code {noop}}
     */
    public record User(String name, String password, Role role) {
        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }

    /** @param jdbcScheme the JDBC scheme used in lookup answers' {@code jdbcUrl}, e.g. mysql or mariadb */
    public record Lookup(@DefaultValue("mysql") String jdbcScheme) {}

    /**
     * @param run the links this instance offers to run; every instance configured with a link competes for
     *     it and exactly one runs it at a time
     * @param defaults apply and filter settings of every link, unless the link sets its own
     * @param publishInterval how often the running instance publishes a link's status and checks whether
     *     an operator asked for it to go online or offline
     * @param historyInterval how often every instance samples the published statuses into the lag history it
     *     keeps for the last hour ({@code GET /api/v1/links/history}, the web page's lag charts)
     */
    public record Links(
            List<@Valid LinkSpec> run,
            @Valid LinkTuning defaults,
            @DefaultValue("1s") Duration publishInterval,
            @DefaultValue("5s") Duration historyInterval) {
        public Links {
            run = List.copyOf(Objects.requireNonNullElse(run, List.of()));
            defaults = Objects.requireNonNullElse(defaults, LinkTuning.INHERIT);
        }

        /** How {@code link} applies and filters: its own settings, else the defaults, else built-in. */
        public LinkTuning tuning(LinkSpec link) {
            return defaults.overriddenBy(link.overrides());
        }
    }

    /**
     * One link, source to target, with optional overrides of {@link Links#defaults()} (same keys, null:
     * inherited; see {@link LinkTuning}).
     *
     * @param startGtid where the link starts when its target has no stored position (empty: the source's
     *     oldest binlog)
     */
    public record LinkSpec(
            String source,
            String target,
            String startGtid,
            @Min(value = 1, message = LinkTuning.CHANNELS) @Max(value = 64, message = LinkTuning.CHANNELS)
                    Integer channels,
            @Min(value = 1, message = LinkTuning.MAX_GROUP) Integer maxGroup,
            @Valid LinkTuning.Policies policies) {
        public LinkSpec {
            for (String site : new String[] {source, target}) {
                Names.siteNameProblem(site).ifPresent(problem -> {
                    throw new IllegalArgumentException(
                            "shardhome.links.run: " + problem + "; give each link a registered source and target site");
                });
            }
            startGtid = startGtid == null ? "" : startGtid;
        }

        public String id() {
            return source + "->" + target;
        }

        LinkTuning overrides() {
            return new LinkTuning(channels, maxGroup, policies);
        }
    }

    /**
     * @param appUser the application's database account whose write grants a move revokes at the old home
     *     and grants at the new one ({@code 'appUser'@'appHost'})
     * @param appHost its host part
     * @param maxLagSeconds a move is refused while its link lags more than this
     * @param catchUpTimeout a fenced move rolls back when the target has not caught up in this time
     * @param flipPropagationTimeout how long a flipped move waits for the links from the new home to report
     *     the new map version before it opens writes there anyway
     */
    public record Moves(
            @DefaultValue("app") String appUser,
            @DefaultValue("%") String appHost,
            @DefaultValue("5") long maxLagSeconds,
            @DefaultValue("10s") Duration catchUpTimeout,
            @DefaultValue("5s") Duration flipPropagationTimeout) {}

    /** A database account at a site's master. */
    public record SiteCredentials(String user, String password) {
        @Override
        public String toString() {
            return "SiteCredentials[user=" + user + "]";
        }
    }
}
