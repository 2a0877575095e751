package io.shardhome.directory.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DirectoryStore}. Immutable.
 *
 * @param actor who writes, recorded in every audit record (e.g. the ZooKeeper digest user or host)
 * @param maxAuditRecords the audit trail keeps at most this many records (oldest are deleted)
 * @param garbageGrace unreferenced snapshot chunks are deleted once older than this; readers holding an
 *     older pointer simply re-read it
 */
public record StoreOptions(String actor, int maxAuditRecords, Duration garbageGrace) {
    public StoreOptions {
        actor = actor == null || actor.isBlank() ? "shardhome" : actor;
        if (maxAuditRecords < 1) {
            maxAuditRecords = 1000;
        }
        garbageGrace = Objects.requireNonNullElse(garbageGrace, Duration.ofMinutes(2));
    }

    public static StoreOptions defaults() {
        return new StoreOptions("shardhome", 1000, Duration.ofMinutes(2));
    }

    public StoreOptions withActor(String newActor) {
        return new StoreOptions(newActor, maxAuditRecords, garbageGrace);
    }

    public StoreOptions withMaxAuditRecords(int max) {
        return new StoreOptions(actor, max, garbageGrace);
    }

    public StoreOptions withGarbageGrace(Duration grace) {
        return new StoreOptions(actor, maxAuditRecords, grace);
    }
}
