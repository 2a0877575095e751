package io.shardhome.service.reseed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A requested re-seed of one shard's copy at one site, as the directory keeps it; advanced by the instance
 * that runs the link from the shard's home to that site. Immutable.
 *
 * @param shard the shard re-seeded, or the shards joined by commas
 * @param shards the shards re-seeded (all those homed at {@code home} for a re-seed of a whole link)
 * @param phase the protocol step it is in (EXCLUDING, COPYING, CATCHING_UP, HANDING_BACK, DONE), see {@link
 *     Reseeder}
 * @param steps each phase as it began, with a note
 * @param attempt 1, plus one for each time a new runner started it over after its runner went away
 */
public record ReseedRecord(
        String id,
        String shard,
        List<String> shards,
        String site,
        String home,
        String link,
        String requestedBy,
        Instant requestedAt,
        String state,
        String phase,
        String runner,
        Instant startedAt,
        Instant heartbeatAt,
        Instant endedAt,
        long rowsCopied,
        long rowsEstimated,
        String gtid,
        String handBack,
        int tables,
        List<Step> steps,
        String error,
        int attempt) {
    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** One phase as it began. */
    public record Step(Instant at, String phase, String note) {
        public Step {
            at = at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }
    }

    public ReseedRecord {
        steps = steps == null ? List.of() : List.copyOf(steps);
        shards = shards == null ? List.of(shard) : List.copyOf(shards);
        runner = runner == null ? "" : runner;
        error = error == null ? "" : error;
        phase = phase == null ? "" : phase;
        gtid = gtid == null ? "" : gtid;
        handBack = handBack == null ? "" : handBack;
    }

    static ReseedRecord requested(String id, List<String> shards, String site, String home, String link, String by) {
        return new ReseedRecord(
                id,
                String.join(",", shards),
                shards,
                site,
                home,
                link,
                by,
                Instant.now(),
                PENDING,
                "",
                "",
                null,
                null,
                null,
                0,
                0,
                "",
                "",
                0,
                List.of(),
                "",
                0);
    }

    public boolean ended() {
        return state.equals(DONE) || state.equals(FAILED);
    }

    ReseedRecord claimed(String by, Instant now) {
        return new ReseedRecord(
                id,
                shard,
                shards,
                site,
                home,
                link,
                requestedBy,
                requestedAt,
                RUNNING,
                "",
                by,
                now,
                now,
                null,
                0,
                0,
                "",
                "",
                0,
                steps,
                "",
                attempt + 1);
    }

    ReseedRecord inPhase(String newPhase, String note, Instant now) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(now, newPhase, note));
        return new ReseedRecord(
                id,
                shard,
                shards,
                site,
                home,
                link,
                requestedBy,
                requestedAt,
                state,
                newPhase,
                runner,
                startedAt,
                now,
                endedAt,
                rowsCopied,
                rowsEstimated,
                gtid,
                handBack,
                tables,
                more,
                error,
                attempt);
    }

    ReseedRecord copied(long rows, long estimated, Instant now) {
        return new ReseedRecord(
                id,
                shard,
                shards,
                site,
                home,
                link,
                requestedBy,
                requestedAt,
                state,
                phase,
                runner,
                startedAt,
                now,
                endedAt,
                rows,
                Math.max(rows, estimated),
                gtid,
                handBack,
                tables,
                steps,
                error,
                attempt);
    }

    ReseedRecord done(Reseeder.Result result, Instant now) {
        return new ReseedRecord(
                id,
                shard,
                shards,
                site,
                home,
                link,
                requestedBy,
                requestedAt,
                DONE,
                phase,
                runner,
                startedAt,
                now,
                now,
                result.rows(),
                result.rows(),
                result.gtid(),
                result.handBack(),
                result.tables(),
                steps,
                "",
                attempt);
    }

    ReseedRecord failed(String why, Instant now) {
        return new ReseedRecord(
                id,
                shard,
                shards,
                site,
                home,
                link,
                requestedBy,
                requestedAt,
                FAILED,
                phase,
                runner,
                startedAt,
                now,
                now,
                rowsCopied,
                rowsEstimated,
                gtid,
                handBack,
                tables,
                steps,
                why,
                attempt);
    }
}
