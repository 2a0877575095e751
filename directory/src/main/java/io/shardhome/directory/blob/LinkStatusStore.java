package io.shardhome.directory.blob;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.Json;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/**
 * Each link's published status (state, lag, position...) under {@code <root>/links/<linkId>}: one
 * writer per link publishes, everyone reads. The content is the link module's business (bytes or a
 * JSON-mappable record). Thread-safe; errors are {@code DirectoryException}s.
 */
public final class LinkStatusStore {
    private final BlobStore blobs;

    public LinkStatusStore(CuratorFramework client, DirectoryLayout layout) {
        this.blobs = new BlobStore(client, layout.links(), "link status");
    }

    /** Publishes (last writer wins); returns the new znode version. */
    public int publish(String linkId, byte[] status) {
        return blobs.put(linkId, status);
    }

    /** Publishes a record as JSON. */
    public int publish(String linkId, Object statusRecord) {
        return blobs.put(linkId, Json.write(statusRecord));
    }

    public Optional<VersionedBlob> read(String linkId) {
        return blobs.read(linkId);
    }

    public <T> Optional<T> read(String linkId, Class<T> type) {
        return blobs.read(linkId).map(b -> Json.read(b.data(), type, "link status " + linkId));
    }

    /** Link ids that published a status, sorted. */
    public List<String> linkIds() {
        return blobs.keys();
    }
}
