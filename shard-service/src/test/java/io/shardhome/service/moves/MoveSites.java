package io.shardhome.service.moves;

import static org.awaitility.Awaitility.await;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.service.fence.Grantee;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Test support: real MariaDB masters (nyc and sjc, or more sites) with links between every pair both ways
 * (site-links' harness on a real ZooKeeper), link statuses published to the directory (periodically and on
 * each new map, as the service hosts links), an application account {@value #APP_USER} with write grants at
 * each shard's home and read grants at its copies, and move engines over all of it.
 */
final class MoveSites implements AutoCloseable {
    static final String APP_USER = "app";
    static final String APP_PASSWORD = "app-secret";
    static final Grantee APP = Grantee.account(APP_USER, "%");
    /** The links' account: like shardhome's own, trusted by the fence. */
    static final Grantee LINK = Grantee.account(MariaDbSite.LINK_USER, "%");
    /** The tests' administrative account (ALL PRIVILEGES): trusted by the fence. */
    static final Grantee ADMIN = Grantee.account(MariaDbSite.USER, "%");

    final LinkHarness harness;
    final List<String> siteNames;
    final Link nycToSjc;
    final Link sjcToNyc;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final LinkStatusPublisher publisher;

    private MoveSites(LinkHarness harness, List<String> siteNames, int channels, FilterPolicies policies) {
        this.harness = harness;
        this.siteNames = List.copyOf(siteNames);
        for (String from : siteNames) {
            for (String to : siteNames) {
                if (!from.equals(to)) {
                    links.put(from + "->" + to, start(harness, from, to, channels, policies));
                }
            }
        }
        this.nycToSjc = links.get("nyc->sjc");
        this.sjcToNyc = links.get("sjc->nyc");
        this.publisher = new LinkStatusPublisher(linkStatus(), harness.links(), Duration.ofMillis(200), harness.view());
    }

    private static Link start(LinkHarness harness, String from, String to, int channels, FilterPolicies policies) {
        MariaDbSite source = MariaDbSites.get(from);
        return harness.started(
                LinkConfig.of(source.endpoint(), MariaDbSites.get(to).endpoint(), policies, source.gtidPosition())
                        .withChannels(channels));
    }

    /** Sites nyc and sjc, one channel per link, default policies. */
    static MoveSites start() {
        return start(List.of("nyc", "sjc"), 1, FilterPolicies.DEFAULTS);
    }

    /** {@code sites} linked both ways, each link applying over {@code channels} channels under {@code policies}. */
    static MoveSites start(List<String> sites, int channels, FilterPolicies policies) {
        for (String site : sites) {
            MariaDbSites.get(site)
                    .execute(
                            "SET sql_log_bin=0",
                            "CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
        }
        return new MoveSites(LinkHarness.start(sites.toArray(String[]::new)), sites, channels, policies);
    }

    /** The link {@code from -> to}. */
    Link link(String from, String to) {
        return links.get(from + "->" + to);
    }

    /** Every link, in start order. */
    List<Link> links() {
        return List.copyOf(links.values());
    }

    static MariaDbSite site(String name) {
        return MariaDbSites.get(name);
    }

    DirectoryStore store() {
        return harness.directory().store();
    }

    LinkStatusStore linkStatus() {
        return new LinkStatusStore(
                harness.directory().client(), harness.directory().layout());
    }

    MoveEngine engine(MoveSettings settings) {
        Map<String, SiteEndpoint> masters = new LinkedHashMap<>();
        siteNames.forEach(site -> masters.put(site, admin(site)));
        return engine(settings, masters);
    }

    /** An engine reaching the masters with the given accounts. */
    MoveEngine engine(MoveSettings settings, Map<String, SiteEndpoint> masters) {
        return new MoveEngine(store(), records(), linkStatus(), masters, settings);
    }

    MoveRecordStore records() {
        return new MoveRecordStore(
                harness.directory().client(), harness.directory().layout());
    }

    MoveEngine engine() {
        return engine(settings());
    }

    /** Default settings, trusting the links' and the tests' admin account too, retrying after 50 ms up to 500 ms. */
    static MoveSettings settings() {
        Set<Grantee> trusted = new HashSet<>(MoveSettings.defaults().trustedAccounts());
        trusted.add(LINK);
        trusted.add(ADMIN);
        return MoveSettings.defaults()
                .withTrustedAccounts(trusted)
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    /** Defines {@code shard} homed at {@code home}, creates its table there and waits for it at the copy. */
    void createShard(String shard, String home, String copy) {
        createShard(shard, home);
    }

    /** Defines {@code shard} homed at {@code home}, creates its table there and waits for it at every copy. */
    void createShard(String shard, String home) {
        harness.define(shard, home);
        for (String site : siteNames) {
            String privileges = site.equals(home) ? "SELECT, INSERT, UPDATE, DELETE" : "SELECT";
            site(site).execute("SET sql_log_bin=0", "GRANT " + privileges + " ON `" + shard + "`.* TO " + APP.sql());
        }
        site(home)
                .execute(
                        "CREATE DATABASE " + shard,
                        "CREATE TABLE " + shard + ".orders (id BIGINT PRIMARY KEY, written_by INT NOT NULL,"
                                + " payload VARCHAR(64) NOT NULL)");
        for (String copy : siteNames) {
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> site(copy).count(shard + ".orders") == 0);
        }
    }

    ShardEntry entry(String shard) {
        return store().shard(shard).entry();
    }

    /** The application's DataSource for one site's master (no pool: a new session per connection). */
    static DataSource appDataSource(Site site) {
        MariaDbSite master = site(site.name());
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(new SiteEndpoint(site.name(), master.host(), master.port(), APP_USER, APP_PASSWORD).jdbcUrl());
        ds.setUser(APP_USER);
        ds.setPassword(APP_PASSWORD);
        return ds;
    }

    /** What the application account may write of {@code shard} at {@code site}, by any grant. */
    static List<String> appWrites(String site, String shard) {
        return new SiteMaster(admin(site))
                .writeAccess(shard, settings().trustedAccounts()).paths().stream()
                        .filter(p -> p.account().equals(APP))
                        .flatMap(p -> p.privileges().stream())
                        .distinct()
                        .toList();
    }

    static SiteEndpoint admin(String name) {
        MariaDbSite master = site(name);
        return new SiteEndpoint(name, master.host(), master.port(), MariaDbSite.USER, MariaDbSite.PASSWORD);
    }

    /** Waits until every link has processed everything its source committed. */
    void awaitLinksCaughtUp() {
        for (Link link : links.values()) {
            LinkHarness.awaitCaughtUp(link, link.config().roles().sourceSite());
        }
    }

    @Override
    public void close() {
        publisher.close();
        harness.close();
    }
}
