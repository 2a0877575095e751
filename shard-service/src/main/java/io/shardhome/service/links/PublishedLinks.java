package io.shardhome.service.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.directory.blob.VersionedBlob;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links' statuses as their instances publish them in the directory ({@code <root>/links/<key>}), each
 * with its age and freshness (see {@link LinkFreshness}): what every instance can tell about every link,
 * wherever it runs. Reads only. Thread-safe.
 */
public final class PublishedLinks {
    private final DirectoryAccess directory;
    private final ObjectMapper json;
    private final LinkHosts hosts;
    private final LinkFreshness freshness;

    PublishedLinks(DirectoryAccess directory, ObjectMapper json, LinkFreshness freshness) {
        this.directory = directory;
        this.json = json;
        this.hosts = new LinkHosts(directory);
        this.freshness = freshness;
    }

    /** Every link that has published a status, as of now. */
    public List<LinkBody> all() {
        List<LinkBody> links = new ArrayList<>();
        for (String key : directory.linkStatuses().linkIds()) {
            directory.linkStatuses().read(key).ifPresent(blob -> links.add(body(LinkKeys.id(key), blob)));
        }
        return links;
    }

    /** The link between {@code roles}, if it has published a status. */
    public Optional<LinkBody> get(LinkRoles roles) {
        return directory
                .linkStatuses()
                .read(LinkStatusPublisher.directoryKey(roles))
                .map(blob -> body(roles.linkId(), blob));
    }

    private LinkBody body(String id, VersionedBlob blob) {
        JsonNode status;
        try {
            status = json.readTree(blob.data());
        } catch (IOException e) {
            throw new ServiceException(
                    Code.INTERNAL,
                    "the status published for link '" + id + "' is not JSON; the instance hosting it publishes"
                            + " a different format: upgrade it",
                    Map.of(),
                    e);
        }
        long now = System.currentTimeMillis();
        long publishedAt = status.path("publishedAtMillis").asLong(0);
        List<String> running = hosts.of(LinkKeys.key(id));
        Optional<String> staleReason = freshness
                .staleReason(publishedAt, now, running.size())
                .map(reason -> parkedBy(id).orElse(reason));
        return new LinkBody(
                id,
                status,
                blob.version(),
                publishedAt > 0 ? Instant.ofEpochMilli(publishedAt).toString() : "",
                publishedAt > 0 ? Math.max(0, now - publishedAt) : -1,
                staleReason.isPresent(),
                staleReason.orElse(""),
                running.isEmpty() ? "" : running.get(0));
    }

    /**
     * Why the link does not run by design, when a site of it is DOWN (failed over) or its source is JOINING
     * (a returned site): its last status then says so instead of a stuck instance.
     */
    private Optional<String> parkedBy(String id) {
        LinkRoles roles = LinkKeys.roles(id);
        for (String name : new String[] {roles.sourceSite(), roles.targetSite()}) {
            Site site = directory.snapshot().site(name);
            boolean parks = site != null
                    && (site.state() == SiteState.DOWN
                            || (site.state() == SiteState.JOINING && name.equals(roles.sourceSite())));
            if (parks) {
                return Optional.of("site " + name + " is " + site.state() + ": the link does not run until it is"
                        + " ACTIVE again (see 'shardhome site return' and 'site activate')");
            }
        }
        return Optional.empty();
    }
}
