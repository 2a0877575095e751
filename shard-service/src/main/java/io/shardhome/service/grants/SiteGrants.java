package io.shardhome.service.grants;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.config.SiteEndpoints;
import io.shardhome.service.fence.GrantReader;
import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.grants.GrantDrift.Problem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shard grants at every site's master, over this instance's account there: applies the managed grants when
 * shards are created, re-homed, imported or deleted ({@code shardhome.grants.accounts}), and checks every
 * site for drift. Grant statements stay out of the binlog. Thread-safe.
 */
@Component
public class SiteGrants {
    private static final Logger log = LoggerFactory.getLogger(SiteGrants.class);
    private static final int NO_SUCH_GRANT = 1141;

    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final ManagedGrants managed;

    SiteGrants(DirectoryAccess directory, ShardhomeProperties properties) {
        this.directory = directory;
        this.properties = properties;
        ShardhomeProperties.Grants grants = properties.grants();
        this.managed = new ManagedGrants(grants.managed(), grants.writePrivileges(), grants.readPrivileges());
    }

    /** A shard whose home was set (created, re-homed, imported) or, with a null home, that was deleted. */
    public record Change(String shard, Home home) {}

    /**
     * Gives the managed accounts what they may do with each changed shard at every registered site. Returns
     * one warning per site that could not be updated (nothing is rolled back: {@code grants check} shows the
     * drift until it is fixed); empty when no accounts are managed.
     */
    public List<String> apply(Collection<Change> changes) {
        if (managed.isEmpty() || changes.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (Site site : directory.snapshot().sites().values()) {
            if (site.state() == SiteState.DOWN) {
                continue;
            }
            List<String> sql = new ArrayList<>();
            for (Change change : changes) {
                sql.addAll(managed.statements(change.shard(), change.home(), site.name()));
            }
            execute(site, sql, changes.size(), warnings);
        }
        return warnings;
    }

    /**
     * Gives the managed accounts their grants on each changed shard at its new home only (a failover: the
     * other survivors already hold copy grants, and the dead site is not contacted), and lets the shard's
     * scheduled events run there ({@link ScheduledEvents}). Returns warnings as
     * {@link #apply}, plus one when no accounts are managed (then nobody was given writes).
     */
    public List<String> applyAtHomes(Collection<Change> changes) {
        List<String> warnings = new ArrayList<>();
        if (managed.isEmpty() && !changes.isEmpty()) {
            warnings.add("no managed accounts (shardhome.grants.accounts): give the application's write"
                    + " grants on the re-homed shards at their new homes yourself");
        }
        for (Site site : directory.snapshot().sites().values()) {
            List<String> shards = changes.stream()
                    .filter(c -> c.home() != null && c.home().isSite(site.name()))
                    .map(Change::shard)
                    .toList();
            if (!shards.isEmpty()) {
                runEventsAtHome(site, shards, warnings);
                if (!managed.isEmpty()) {
                    grantAtHome(site, shards, warnings);
                }
            }
        }
        return warnings;
    }

    private void runEventsAtHome(Site site, List<String> shards, List<String> warnings) {
        try (Connection c = connect(endpoint(site))) {
            List<String> events = ScheduledEvents.switchAll(c, shards, false);
            if (!events.isEmpty()) {
                log.info("{} scheduled event(s) of re-homed shards run at {} now", events.size(), site.name());
            }
        } catch (SQLException | LinkException | IllegalStateException e) {
            String warning = "the scheduled events of " + shards.size() + " re-homed shard(s) could not be enabled"
                    + " at site " + site.name() + " (" + e.getMessage() + "); enable them there (ALTER EVENT ..."
                    + " ENABLE)";
            log.warn(warning);
            warnings.add(warning);
        }
    }

    /** Home grants on {@code shards} at {@code site}: in bulk at a MariaDB master, else one GRANT per shard. */
    private void grantAtHome(Site site, List<String> shards, List<String> warnings) {
        List<String> privileges = new ArrayList<>(managed.read());
        managed.write().stream().filter(p -> !privileges.contains(p)).forEach(privileges::add);
        try (Connection c = connect(endpoint(site))) {
            boolean mariaDb = isMariaDb(c);
            java.util.Optional<List<String>> bulk = mariaDb
                    ? BulkGrants.statements(shards, managed.accounts(), privileges)
                    : java.util.Optional.empty();
            if (bulk.isPresent()) {
                BulkGrants.execute(c, bulk.get());
                return;
            }
        } catch (SQLException | LinkException | IllegalStateException e) {
            String warning = "the managed grants of " + shards.size() + " shard(s) could not be set at site "
                    + site.name() + " (" + e.getMessage() + "); fix the cause and run 'shardhome grants check'";
            log.warn(warning);
            warnings.add(warning);
            return;
        }
        List<String> sql = new ArrayList<>();
        for (String shard : shards) {
            sql.addAll(managed.statements(shard, Home.site(site.name()), site.name()));
        }
        execute(site, sql, shards.size(), warnings);
    }

    private static boolean isMariaDb(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            return rs.next() && rs.getString(1).contains("MariaDB");
        }
    }

    private void execute(Site site, List<String> sql, int shards, List<String> warnings) {
        try {
            execute(endpoint(site), sql);
        } catch (SQLException | LinkException | IllegalStateException e) {
            String warning = "the managed grants of " + shards + " shard(s) could not be set at site " + site.name()
                    + " (" + e.getMessage() + "); fix the cause and run 'shardhome grants check'";
            log.warn(warning);
            warnings.add(warning);
        }
    }

    /**
     * Fences a returning site (see {@link CopyFence}): nobody but trusted accounts may write a copy there
     * afterwards, or the result names who still can.
     *
     * @throws SQLException when the site refuses a statement
     */
    public CopyFence.Result fenceCopies(Site site) throws SQLException {
        SiteEndpoint endpoint = endpoint(site);
        try (Connection c = connect(endpoint)) {
            return new CopyFence(managed, properties.grants().trusted())
                    .close(
                            c,
                            site.name(),
                            directory.snapshot().shardMap().asMap().values());
        }
    }

    /** Every site's drift from the map (see {@link GrantDrift}), with the sites that could not be checked. */
    public GrantCheckBody check() {
        Collection<ShardDefinition> shards =
                directory.snapshot().shardMap().asMap().values();
        List<GrantCheckBody.SiteResult> sites = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Site site : directory.snapshot().sites().values()) {
            try (Connection c = connect(endpoint(site))) {
                GrantTables tables = GrantReader.read(c);
                List<Problem> found = GrantDrift.of(
                        tables,
                        site.name(),
                        shards,
                        managed,
                        properties.grants().trusted());
                problems.addAll(found);
                sites.add(new GrantCheckBody.SiteResult(site.name(), true, found.size(), ""));
            } catch (SQLException | LinkException | IllegalStateException e) {
                sites.add(new GrantCheckBody.SiteResult(site.name(), false, 0, e.getMessage()));
            }
        }
        return GrantCheckBody.of(shards.size(), sites, problems);
    }

    private SiteEndpoint endpoint(Site site) {
        return SiteEndpoints.of(site, properties)
                .orElseThrow(() -> new IllegalStateException("this instance has no credentials for site " + site.name()
                        + " (set shardhome.site-credentials." + site.name() + ".user and .password)"));
    }

    static void execute(SiteEndpoint endpoint, List<String> statements) throws SQLException {
        try (Connection c = connect(endpoint)) {
            executeOn(c, statements);
        }
    }

    /** Runs {@code statements} unlogged on {@code c}; a REVOKE of a grant that is not there is no error. */
    static void executeOn(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin=0");
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    if (e.getErrorCode() != NO_SUCH_GRANT) {
                        throw new SQLException(
                                sql + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                    }
                }
            }
        }
    }

    private static Connection connect(SiteEndpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    /** The managed grants as configured. */
    public ManagedGrants managed() {
        return managed;
    }
}
