package io.shardhome.service.links;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links this instance offers to run ({@code shardhome.links.run}, and with {@code
 * shardhome.links.from-registry} every link between two registered sites, see {@link RegistryLinks}), each
 * behind its own leader latch, plus operators' online/offline requests. Started once by Spring; close is
 * idempotent. Thread-safe.
 */
public final class LinkHosting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkHosting.class);

    private final Map<String, HostedLink> hosted = new ConcurrentHashMap<>();
    private final Map<String, ShardhomeProperties.LinkSpec> configuredSpecs = new ConcurrentHashMap<>();
    private final LinkControl control;
    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final LinkMetrics metrics;
    private final String instance;
    private final RegistryLinks registry;

    LinkHosting(DirectoryAccess directory, ShardhomeProperties properties, LinkMetrics metrics) {
        this.control = new LinkControl(directory);
        this.directory = directory;
        this.properties = properties;
        this.metrics = metrics;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        for (ShardhomeProperties.LinkSpec spec : properties.links().run()) {
            configuredSpecs.put(spec.id(), spec);
            hosted.put(spec.id(), new HostedLink(spec, directory, control, metrics, properties, instance));
        }
        this.registry = properties.links().fromRegistry() ? new RegistryLinks(this, directory, properties) : null;
    }

    void start() {
        for (HostedLink link : hosted.values()) {
            begin(link);
        }
        if (!hosted.isEmpty()) {
            log.info("offering to run links {}", hosted.keySet());
        }
        if (registry != null) {
            registry.start();
        }
    }

    private static void begin(HostedLink link) {
        try {
            link.start();
        } catch (Exception e) {
            throw new ServiceException(
                    Code.DIRECTORY_UNAVAILABLE,
                    "could not join the leader election of link " + link.id() + " (" + e.getMessage()
                            + "); check ZooKeeper is reachable and this identity may write the directory",
                    Map.of(),
                    e);
        }
    }

    /** Offers to run the registry link {@code source->target} (its configured settings if it has any). */
    synchronized void offer(String source, String target) {
        String id = source + "->" + target;
        if (hosted.containsKey(id)) {
            return;
        }
        ShardhomeProperties.LinkSpec spec = configuredSpecs.getOrDefault(
                id,
                new ShardhomeProperties.LinkSpec(
                        source, target, ShardhomeProperties.LinkSpec.SOURCE_POSITION, null, null, null));
        HostedLink link = new HostedLink(spec, directory, control, metrics, properties, instance);
        begin(link);
        hosted.put(id, link);
        log.info("site registry: offering to run link {}", id);
    }

    /** Stops offering a registry link whose site left the registry (a configured link stays). */
    synchronized void withdraw(String id) {
        if (configuredSpecs.containsKey(id)) {
            return;
        }
        HostedLink link = hosted.remove(id);
        if (link != null) {
            link.close();
            log.info("site registry: no longer offering link {}", id);
        }
    }

    /** The links this instance offers to run now (it may be standing by for them). */
    public Set<String> configured() {
        return Set.copyOf(hosted.keySet());
    }

    /** Whether this instance is the one running {@code linkId} now. */
    public boolean runsHere(String linkId) {
        HostedLink link = hosted.get(linkId);
        return link != null && link.runsHere();
    }

    /**
     * The running {@link io.shardhome.links.Link} of {@code linkId} when this instance runs it now (checks and
     * re-seeds hold it, leave shards out of it and read its configuration), else empty.
     */
    public Optional<io.shardhome.links.Link> running(String linkId) {
        HostedLink link = hosted.get(linkId);
        return link == null || !link.runsHere() ? Optional.empty() : link.link();
    }

    /** The holder epoch this instance raised when it last started {@code linkId} (0: never here). */
    public long holderEpoch(String linkId) {
        HostedLink link = hosted.get(linkId);
        return link == null ? 0 : link.holderEpoch();
    }

    LinkControl control() {
        return control;
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        hosted.values().forEach(HostedLink::close);
    }
}
