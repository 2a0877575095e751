package io.shardhome.service.links;

import io.shardhome.directory.blob.LinkEpochs;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkState;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.source.SourceMaster;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.LinkTuning;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.config.SiteEndpoints;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured link as this instance hosts it: a Curator leader latch makes exactly one instance run
 * it; that instance starts the {@link Link} from the directory's site endpoints and its own credentials,
 * publishes its status, and applies operators' online/offline requests. Losing leadership (or the
 * ZooKeeper session) stops the link here; the next leader resumes from the position stored at the target.
 *
 * <p>All state changes happen on the link's own single thread, so they never race. Start once; close is
 * idempotent.
 */
final class HostedLink implements LeaderLatchListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostedLink.class);

    private final ShardhomeProperties.LinkSpec spec;
    private final LinkTuning tuning;
    private final String key;
    private final DirectoryAccess directory;
    private final LinkControl control;
    private final LinkMetrics metrics;
    private final Map<String, ShardhomeProperties.SiteCredentials> credentials;
    private final ShardhomeProperties properties;
    private final Duration interval;
    private final LeaderLatch latch;
    private final ScheduledExecutorService thread;
    private final LinkEpochs epochs;

    private boolean leader;
    private volatile Link link;
    private LinkStatusPublisher publisher;
    private LinkMetrics.Running meters;
    private String appliedRequest = "";
    private String lastProblem = "";
    private volatile long holderEpoch;

    HostedLink(
            ShardhomeProperties.LinkSpec spec,
            DirectoryAccess directory,
            LinkControl control,
            LinkMetrics metrics,
            ShardhomeProperties properties,
            String instanceId) {
        this.spec = spec;
        this.tuning = properties.links().tuning(spec);
        this.key = LinkKeys.key(spec.id());
        this.directory = directory;
        this.control = control;
        this.metrics = metrics;
        this.credentials = properties.siteCredentials();
        this.properties = properties;
        this.interval = properties.links().publishInterval();
        this.epochs = new LinkEpochs(directory.client(), directory.layout());
        this.latch =
                new LeaderLatch(directory.client(), directory.layout().root() + "/link-leaders/" + key, instanceId);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hosted-link " + spec.id());
            t.setDaemon(true);
            return t;
        });
    }

    String id() {
        return spec.id();
    }

    void start() throws Exception {
        latch.addListener(this, thread);
        latch.start();
        long every = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** The link object while it runs here. */
    Optional<Link> link() {
        return Optional.ofNullable(link);
    }

    /** The epoch this instance raised when it last started the link here (0: never). */
    long holderEpoch() {
        return holderEpoch;
    }

    /** Whether this instance currently runs the link. */
    boolean runsHere() {
        return latch.hasLeadership();
    }

    @Override
    public void isLeader() {
        log.info("this instance now runs link {}", spec.id());
        leader = true;
        tick();
    }

    @Override
    public void notLeader() {
        log.info("this instance no longer runs link {}", spec.id());
        leader = false;
        stop();
    }

    private void tick() {
        try {
            if (!leader) {
                return;
            }
            LinkControl.Request request = control.current(key);
            Optional<String> down = downSite();
            if (down.isPresent()) {
                if (link != null) {
                    log.warn("link {}: {}; stopping the link until the site is ACTIVE again", spec.id(), down.get());
                }
                stop();
            } else if (request.desired() == LinkControl.Desired.OFFLINE) {
                stop();
            } else if (link == null) {
                startLink();
            } else if (endpointMoved().isPresent()) {
                log.warn(
                        "link {}: {}; restarting it there, resuming from its stored GTID position",
                        spec.id(),
                        endpointMoved().get());
                stop();
                startLink();
            } else if (!request.id().equals(appliedRequest) && request.desired() == LinkControl.Desired.SKIP) {
                skip(request);
            } else if (!request.id().equals(appliedRequest) && link.state() == LinkState.OFFLINE_ERROR) {
                log.info("link {}: operator asked it online; resuming from its stored position", spec.id());
                link.resume();
            }
            appliedRequest = request.id();
            if (meters != null) {
                meters.sample();
            }
        } catch (RuntimeException e) {
            log.warn("link {}: housekeeping failed ({}); retrying in {}", spec.id(), e.toString(), interval);
        }
    }

    /**
     * A site of the link that is DOWN (failed over) or JOINING (returning: nothing may be read from it), or
     * empty. Links from or to a DOWN site, and from a JOINING one, do not run.
     */
    private Optional<String> downSite() {
        DirectorySnapshot snapshot = directory.snapshot();
        Site source = snapshot.site(spec.source());
        Site target = snapshot.site(spec.target());
        if (source != null && (source.state() == SiteState.DOWN || source.state() == SiteState.JOINING)) {
            return Optional.of("its source " + source.name() + " is " + source.state());
        }
        if (target != null && target.state() == SiteState.DOWN) {
            return Optional.of("its target " + target.name() + " is DOWN");
        }
        return Optional.empty();
    }

    /** An operator's skip: refused (and logged) unless the link is stopped at exactly that transaction. */
    private void skip(LinkControl.Request request) {
        try {
            link.skip(request.gtid(), request.by());
            log.warn("link {}: {} skips transaction {}", spec.id(), request.by(), request.gtid());
        } catch (LinkException e) {
            log.warn(
                    "link {}: skip of {} requested by {} refused: {}",
                    spec.id(),
                    request.gtid(),
                    request.by(),
                    e.getMessage());
        }
    }

    private void startLink() {
        Optional<LinkConfig> config = config();
        if (config.isEmpty()) {
            return;
        }
        // Every new holder raises the link's epoch; the position writes at the target are conditional on it
        // (see docs/operations.md, "Security"), so a deposed holder cannot commit late.
        holderEpoch = epochs.next(key);
        LinkConfig started = config.get().withHolderEpoch(holderEpoch);
        link = new Link(started, directory.view());
        link.start();
        // Publishing on each new map too lets a move see promptly that this link has seen its flip.
        publisher = new LinkStatusPublisher(directory.linkStatuses(), List.of(link), interval, directory.view());
        meters = metrics.register(link);
        log.info(
                "link {} started with holder epoch {} (channels={}, max-group={}, policies {})",
                spec.id(),
                holderEpoch,
                started.channels(),
                started.maxGroup(),
                started.policies());
    }

    private Optional<LinkConfig> config() {
        DirectorySnapshot snapshot = directory.snapshot();
        List<String> problems = new ArrayList<>();
        SiteEndpoint source = endpoint(snapshot, spec.source(), problems);
        SiteEndpoint target = endpoint(snapshot, spec.target(), problems);
        String problem = String.join("; ", problems);
        if (!problem.isEmpty() && !problem.equals(lastProblem)) {
            log.warn("link {} cannot start: {}; retrying every {}", spec.id(), problem, interval);
        }
        lastProblem = problem;
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tuning.linkConfig(source, target, startGtid(source)));
    }

    /** Where the link starts when its target has no stored position (a registry link: its source's position now). */
    private String startGtid(SiteEndpoint source) {
        if (!ShardhomeProperties.LinkSpec.SOURCE_POSITION.equals(spec.startGtid())) {
            return spec.startGtid();
        }
        try (SourceMaster master = SourceMaster.open(source)) {
            return master.currentGtid().toString();
        }
    }

    /** What changed when a site of the running link has a new endpoint in the registry (a promotion), or empty. */
    private Optional<String> endpointMoved() {
        DirectorySnapshot snapshot = directory.snapshot();
        LinkConfig running = link.config();
        for (SiteEndpoint was : new SiteEndpoint[] {running.source(), running.target()}) {
            Site now = snapshot.site(was.site());
            if (now != null && (!now.host().equals(was.host()) || now.port() != was.port())) {
                return Optional.of("site " + was.site() + " moved from " + was.host() + ":" + was.port() + " to "
                        + now.host() + ":" + now.port());
            }
        }
        return Optional.empty();
    }

    /** The site's endpoint with this instance's credentials, or null after adding why there is none. */
    private SiteEndpoint endpoint(DirectorySnapshot snapshot, String siteName, List<String> problems) {
        Site site = snapshot.site(siteName);
        ShardhomeProperties.SiteCredentials account = credentials.get(siteName);
        if (site == null) {
            problems.add(
                    "site '" + siteName + "' is not registered in the directory (PUT /api/v1/sites/" + siteName + ")");
            return null;
        }
        if (account == null || account.user() == null) {
            problems.add("this instance has no credentials for site '" + siteName + "' (set shardhome"
                    + ".site-credentials." + siteName + ".user and .password)");
            return null;
        }
        try {
            return SiteEndpoints.of(site, properties).orElseThrow();
        } catch (LinkException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private void stop() {
        if (link != null) {
            if (meters != null) {
                meters.close();
            }
            link.close();
            publisher.close();
            log.info("link {} stopped in this instance", spec.id());
            link = null;
            publisher = null;
            meters = null;
        }
    }

    /**
     * Stops the link here first and only then leaves the election, so the next leader never runs it at the
     * same time as this instance.
     */
    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("link {}: its thread did not finish within 10 s", spec.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        try {
            latch.close(LeaderLatch.CloseMode.SILENT);
        } catch (IOException e) {
            log.warn("link {}: leaving the leader election failed: {}", spec.id(), e.getMessage());
        }
    }
}
