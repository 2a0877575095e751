package io.shardhome.service.config;

import io.shardhome.filter.map.Names;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Privileges;
import io.shardhome.service.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
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
 * @param grants which accounts' schema grants shardhome manages, and which accounts a fence trusts
 * @param shardMapImport limits of CSV map imports over REST
 * @param siteCredentials the database account (and TLS settings) to use at each site's master, by site
 *     name; host and port come from the directory's site registry
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
        @DefaultValue Grants grants,
        @DefaultValue ShardMapImport shardMapImport,
        Map<String, SiteCredentials> siteCredentials) {

    public ShardhomeProperties {
        siteCredentials = Map.copyOf(Objects.requireNonNullElse(siteCredentials, Map.of()));
    }

    /**
     * @param connect the ensemble's connect string; empty starts an embedded single node in the data dir
     * @param embeddedPort the embedded node's client port (0 picks a free one)
     * @param digestUser the digest identity owning shardhome's znodes (all rights; nobody else may read or
     *     write them); empty leaves them open to anyone who reaches ZooKeeper (demo only)
     * @param digestPassword its password
     * @param readerDigests further digest identities that may read (never change) shardhome's znodes, each
     *     {@code user:base64-sha1} as ZooKeeper's {@code DigestAuthenticationProvider user:password} prints
     *     it (e.g. applications using the directory client); everyone else may neither read nor write
     * @param sessionTimeout ZooKeeper session timeout
     * @param startTimeout how long start-up waits for the first complete shard map
     */
    public record ZooKeeper(
            @DefaultValue("") String connect,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("") String digestUser,
            @DefaultValue("") String digestPassword,
            List<String> readerDigests,
            @DefaultValue("30s") Duration sessionTimeout,
            @DefaultValue("30s") Duration startTimeout) {
        public ZooKeeper {
            readerDigests = List.copyOf(Objects.requireNonNullElse(readerDigests, List.of()));
        }

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
     * @param fromRegistry also offer to run the link between every two registered sites this instance has
     *     credentials for, both ways, started and stopped as sites are registered, changed or removed (an
     *     entry of {@code run} with the same source and target gives its settings); such a link starts at
     *     its source's position when it first runs (seed the new site's copies with a re-seed)
     */
    public record Links(
            List<@Valid LinkSpec> run,
            @Valid LinkTuning defaults,
            @DefaultValue("1s") Duration publishInterval,
            @DefaultValue("5s") Duration historyInterval,
            @DefaultValue("false") boolean fromRegistry) {
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
     *     oldest binlog; {@value #SOURCE_POSITION}: the source's position when the link starts)
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

        /** The start of a link made from the site registry: its source's position when it first runs. */
        public static final String SOURCE_POSITION = "source-position";

        public String id() {
            return source + "->" + target;
        }

        /** This link starting at {@code gtid} when its target has no stored position. */
        public LinkSpec startingAt(String gtid) {
            return new LinkSpec(source, target, gtid, channels, maxGroup, policies);
        }

        LinkTuning overrides() {
            return new LinkTuning(channels, maxGroup, policies);
        }
    }

    /**
     * @param maxLagSeconds a move is refused while its link lags more than this
     * @param catchUpTimeout a fenced move rolls back when the target has not caught up in this time
     * @param flipPropagationTimeout how long a flipped move waits for the links from the new home to report
     *     the new map version before it opens writes there anyway
     * @param retryMin first pause before retrying a step that failed after the flip or while rolling back
     * @param retryMax longest such pause (the pause doubles up to it)
     * @param sweepInterval how often the move leader resumes stopped moves and unfences shards FENCED
     *     without a move
     */
    public record Moves(
            @DefaultValue("5") long maxLagSeconds,
            @DefaultValue("10s") Duration catchUpTimeout,
            @DefaultValue("5s") Duration flipPropagationTimeout,
            @DefaultValue("1s") Duration retryMin,
            @DefaultValue("60s") Duration retryMax,
            @DefaultValue("10s") Duration sweepInterval) {}

    /**
     * Schema grants.
     *
     * @param accounts the application accounts ({@code user@host}) whose grants shardhome manages: on each
     *     shard created, imported, re-homed or deleted, they get {@code writePrivileges} on it at its home only
     *     (and {@code readPrivileges} everywhere); empty: shardhome changes no grants outside moves
     * @param writePrivileges what a managed account may do at a shard's home
     * @param readPrivileges what a managed account may do at every site (may be empty)
     * @param trustedAccounts accounts ({@code user@host}) a move's fence leaves alone and {@code grants
     *     check} does not report: administrators; shardhome's own account is always trusted
     */
    public record Grants(
            List<String> accounts,
            @DefaultValue({"INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX", "CREATE VIEW", "TRIGGER"})
                    List<String> writePrivileges,
            @DefaultValue("SELECT") List<String> readPrivileges,
            @DefaultValue({
                        "root@localhost",
                        "mariadb.sys@localhost",
                        "mysql.sys@localhost",
                        "mysql.session@localhost",
                        "mysql.infoschema@localhost"
                    })
                    List<String> trustedAccounts) {
        public Grants {
            accounts = List.copyOf(Objects.requireNonNullElse(accounts, List.of()));
            trustedAccounts = List.copyOf(Objects.requireNonNullElse(trustedAccounts, List.of()));
            writePrivileges = Privileges.parse(Objects.requireNonNullElse(writePrivileges, List.of()));
            readPrivileges = Privileges.parse(Objects.requireNonNullElse(readPrivileges, List.of()));
        }

        /** The trusted accounts as grantees. */
        public Set<Grantee> trusted() {
            return trustedAccounts.stream().map(Grantee::parse).collect(Collectors.toUnmodifiableSet());
        }

        /** The managed application accounts as grantees. */
        public List<Grantee> managed() {
            return accounts.stream().map(Grantee::parse).toList();
        }
    }

    /**
     * @param maxBytes a CSV map sent to {@code /api/v1/shard-map} larger than this is refused with 413
     * @param maxListedErrors at most this many errors are listed in a 400 (with the total count)
     */
    public record ShardMapImport(
            @DefaultValue("32MB") DataSize maxBytes, @DefaultValue("100") @Min(1) int maxListedErrors) {}

    /**
     * A database account at a site's master, and how connections to it are protected.
     *
     * @param sslMode DISABLED (demo only), REQUIRED (default: encrypted, certificate not checked), VERIFY_CA
     *     or VERIFY_IDENTITY (the certificate names the site's host)
     * @param trustStore PKCS12 or JKS file with the CA certificate(s) to trust for VERIFY_*; empty: the JVM's
     * @param trustStoreType PKCS12 (default) or JKS
     * @param trustStorePassword the trust store's password (may be empty)
     */
    public record SiteCredentials(
            String user,
            String password,
            @DefaultValue("REQUIRED") SiteEndpoint.SslMode sslMode,
            Path trustStore,
            @DefaultValue("PKCS12") String trustStoreType,
            String trustStorePassword) {
        /** The TLS settings of connections to this site. */
        public SiteEndpoint.Tls tls() {
            return new SiteEndpoint.Tls(sslMode, trustStore, trustStoreType, trustStorePassword);
        }

        @Override
        public String toString() {
            return "SiteCredentials[user=" + user + ", sslMode=" + sslMode + "]";
        }
    }
}
