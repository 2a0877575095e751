package io.shardhome.directory.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of the directory: who made it, when, what and the old and new values. Immutable.
 *
 * @param mapVersion the map version the change produced
 * @param actor the configured identity of the writer
 * @param at when the writer committed it (writer's clock)
 * @param action what was done, e.g. {@code shard.update}, {@code map.import.replace}
 * @param summary a one-line human summary
 * @param changes the first changes, old to new (capped at {@link #MAX_DETAILED_CHANGES})
 * @param totalChanges how many changes the action made in all
 */
public record AuditRecord(
        long mapVersion,
        String actor,
        Instant at,
        String action,
        String summary,
        List<Change> changes,
        int totalChanges) {
    /** At most this many changes are recorded in detail, so one record stays a few KB. */
    public static final int MAX_DETAILED_CHANGES = 50;

    public AuditRecord {
        changes = List.copyOf(Objects.requireNonNullElse(changes, List.of()));
    }

    /**
     * One changed item.
     *
     * @param subject e.g. {@code shard:acme} or {@code site:nyc}
     * @param before the old value, empty when it was created
     * @param after the new value, empty when it was removed
     */
    public record Change(String subject, String before, String after) {}
}
