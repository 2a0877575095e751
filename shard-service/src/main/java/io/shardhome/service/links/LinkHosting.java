package io.shardhome.service.links;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links this instance offers to run ({@code shardhome.links.run}), each behind its own leader latch,
 * plus operators' online/offline requests. Started once by Spring; close is idempotent. Thread-safe.
 */
public final class LinkHosting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkHosting.class);

    private final Map<String, HostedLink> hosted = new LinkedHashMap<>();
    private final LinkControl control;

    LinkHosting(DirectoryAccess directory, ShardhomeProperties properties, LinkMetrics metrics) {
        this.control = new LinkControl(directory);
        String instance = ManagementFactory.getRuntimeMXBean().getName();
        for (ShardhomeProperties.LinkSpec spec : properties.links().run()) {
            hosted.put(spec.id(), new HostedLink(spec, directory, control, metrics, properties, instance));
        }
    }

    void start() {
        for (HostedLink link : hosted.values()) {
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
        if (!hosted.isEmpty()) {
            log.info("offering to run links {}", hosted.keySet());
        }
    }

    /** The links this instance is configured to run (it may be standing by for them). */
    public Set<String> configured() {
        return hosted.keySet();
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
    public java.util.Optional<io.shardhome.links.Link> running(String linkId) {
        HostedLink link = hosted.get(linkId);
        return link == null || !link.runsHere() ? java.util.Optional.empty() : link.link();
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
        hosted.values().forEach(HostedLink::close);
    }
}
