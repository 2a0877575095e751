package io.shardhome.service.moves;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.links.PublishedStatus;
import java.util.Optional;

/**
 * A move waits for re-seeds of its shard: while a link from the shard's home leaves the shard out (its copy
 * there is being rebuilt by a helper link that carries only transactions from that home), a new home would
 * send the shard's writes to a half-built copy. Stateless.
 */
final class ReseedingCopies {
    private ReseedingCopies() {}

    /** Why {@code shard} cannot move now, or empty. */
    static Optional<String> problem(LinkStatusStore statuses, String shard, String home) {
        for (String key : statuses.linkIds()) {
            if (!key.startsWith(home + ".")) {
                continue;
            }
            Optional<PublishedStatus> status = statuses.read(key, PublishedStatus.class);
            if (status.isPresent() && status.get().excluded().contains(shard)) {
                return Optional.of("link " + status.get().linkId() + " leaves " + shard + " out while its copy is"
                        + " re-seeded; move it once the re-seed has ended (GET /api/v1/reseeds)");
            }
        }
        return Optional.empty();
    }
}
