package io.shardhome.directory.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.blob.LinkStatusStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the statuses links publish in the directory ({@code <root>/links/<source.target>}) as {@link
 * LinkHealth}: a status older than {@code maxAge}, or one that cannot be read, counts as {@value
 * LinkHealth#UNKNOWN}. One ZooKeeper round trip per link per call; callers poll (about once a second).
 * Thread-safe.
 */
public final class LinkHealthReader {
    private static final Logger LOG = LoggerFactory.getLogger(LinkHealthReader.class);

    private final LinkStatusStore store;
    private final Duration maxAge;

    /** The fields of a published status this reader needs (the link module publishes more). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Published(String state, long lagSeconds, long publishedAtMillis) {}

    public LinkHealthReader(LinkStatusStore store, Duration maxAge) {
        this.store = store;
        this.maxAge = maxAge;
    }

    /**
     * Every link that published a status, sorted by key.
     *
     * @throws DirectoryException {@code UNAVAILABLE} when the directory cannot be listed
     */
    public List<LinkHealth> read(long nowMillis) {
        List<LinkHealth> all = new ArrayList<>();
        for (String key : store.linkIds()) {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                LOG.warn("link status key '{}' is not source.target; ignoring it", key);
                continue;
            }
            Optional<Published> published = readOne(key);
            all.add(health(key.substring(0, dot), key.substring(dot + 1), published, nowMillis));
        }
        return all;
    }

    LinkHealth health(String source, String target, Optional<Published> published, long nowMillis) {
        if (published.isEmpty() || nowMillis - published.get().publishedAtMillis() > maxAge.toMillis()) {
            return new LinkHealth(source, target, LinkHealth.UNKNOWN, 0);
        }
        return new LinkHealth(
                source, target, published.get().state(), published.get().lagSeconds());
    }

    private Optional<Published> readOne(String key) {
        try {
            return store.read(key, Published.class);
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.UNAVAILABLE || e.code() == DirectoryException.Code.INTERRUPTED) {
                throw e;
            }
            LOG.warn(
                    "the status of link {} cannot be read ({}); counting it as {}",
                    key,
                    e.getMessage(),
                    LinkHealth.UNKNOWN);
            return Optional.empty();
        }
    }
}
