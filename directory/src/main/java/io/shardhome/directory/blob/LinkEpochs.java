package io.shardhome.directory.blob;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.store.DirectoryLayout;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/**
 * Each link's holder epoch under {@code <root>/link-epochs/<key>}: a counter that whoever starts running a
 * link raises by one (compare-and-set), so every holder of a link has an epoch no earlier holder had and
 * later holders have larger ones. A link writes its epoch with its position at the target and makes its
 * position writes conditional on it, so a holder that was deposed (its ZooKeeper session expired while it
 * still applied) cannot commit after its successor started. Thread-safe; errors are {@link
 * DirectoryException}s.
 */
public final class LinkEpochs {
    private static final int ATTEMPTS = 50;

    private final BlobStore blobs;

    public LinkEpochs(CuratorFramework client, DirectoryLayout layout) {
        this.blobs = new BlobStore(client, layout.linkEpochs(), "link epoch");
    }

    /**
     * Raises the epoch of the link with directory key {@code key} (e.g. {@code nyc.sjc}) and returns the
     * new value: 1 the first time, then one more than any value returned before, whoever asked.
     *
     * @throws DirectoryException {@code UNAVAILABLE}, {@code ACCESS_DENIED}, {@code CORRUPT_DATA} (the znode
     *     does not hold a number), or {@code CONFLICT} after many lost races in a row
     */
    public long next(String key) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<VersionedBlob> current = blobs.read(key);
            long next = current.map(blob -> parse(key, blob.data())).orElse(0L) + 1;
            int expected = current.map(VersionedBlob::version).orElse(VersionedBlob.ABSENT);
            try {
                blobs.compareAndSet(key, Long.toString(next).getBytes(StandardCharsets.US_ASCII), expected);
                return next;
            } catch (DirectoryException e) {
                if (e.code() != Code.CONFLICT) {
                    throw e;
                }
            }
        }
        throw new DirectoryException(
                Code.CONFLICT,
                "raising the epoch of link " + key + " lost " + ATTEMPTS + " races in a row; another instance keeps"
                        + " taking the link over: check that only the configured instances offer it, then retry");
    }

    /** The link's current epoch, 0 before any holder raised it. */
    public long current(String key) {
        return blobs.read(key).map(blob -> parse(key, blob.data())).orElse(0L);
    }

    private static long parse(String key, byte[] data) {
        try {
            return Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            throw new DirectoryException(
                    Code.CORRUPT_DATA,
                    "the epoch znode of link " + key + " does not hold a number; it was changed by hand: set it to a"
                            + " number at least as large as the epoch column of the link's position rows",
                    e);
        }
    }
}
