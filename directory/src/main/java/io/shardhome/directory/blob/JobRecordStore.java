package io.shardhome.directory.blob;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.Json;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/**
 * Records of requested jobs (consistency checks under {@code <root>/checks/<id>}, re-seeds under {@code
 * <root>/reseeds/<id>}): any instance creates one, the instance that runs the job's link advances it, any
 * instance reads it. Every write is a compare-and-set on the record's version. Thread-safe; errors are
 * {@code DirectoryException}s ({@code CONFLICT} on a stale version).
 */
public final class JobRecordStore {
    private final BlobStore blobs;

    /** @param kind the parent znode's name under the root: {@code checks} or {@code reseeds} */
    public JobRecordStore(CuratorFramework client, DirectoryLayout layout, String kind) {
        if (!kind.matches("[a-z]{1,32}")) {
            throw new IllegalArgumentException("job kind '" + kind + "' must be 1 to 32 lower-case letters");
        }
        this.blobs =
                new BlobStore(client, layout.root() + "/" + kind, kind.substring(0, kind.length() - 1) + " record");
    }

    /** Writes the record as JSON if still at {@code expectedVersion} ({@link VersionedBlob#ABSENT}: creates). */
    public int write(String id, Object record, int expectedVersion) {
        return blobs.compareAndSet(id, Json.write(record), expectedVersion);
    }

    public Optional<VersionedBlob> read(String id) {
        return blobs.read(id);
    }

    public <T> Optional<T> read(String id, Class<T> type) {
        return read(id).map(b -> Json.read(b.data(), type, "job record " + id));
    }

    /** Removes a record if still at {@code expectedVersion} (history kept bounded). */
    public void delete(String id, int expectedVersion) {
        blobs.delete(id, expectedVersion);
    }

    /** Record ids, sorted. */
    public List<String> ids() {
        return blobs.keys();
    }
}
