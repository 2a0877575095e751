package io.shardhome.service.consistency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A requested consistency check as the directory keeps it: one part per link (home to copy site) it covers,
 * each run by the instance that runs that link. The check's state follows from its parts. Immutable.
 *
 * @param shards the shards asked for (empty with {@code all})
 * @param site the copy site asked for, or empty for every copy
 */
public record CheckRecord(
        String id,
        String requestedBy,
        Instant requestedAt,
        List<String> shards,
        boolean all,
        String site,
        List<CheckPart> parts) {
    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public CheckRecord {
        shards = shards == null ? List.of() : List.copyOf(shards);
        parts = parts == null ? List.of() : List.copyOf(parts);
        site = site == null ? "" : site;
    }

    /**
     * One link's share of a check.
     *
     * @param runner the instance running it, once claimed
     * @param heartbeatAt the runner's last sign of life (progress is written at least every few seconds)
     */
    public record CheckPart(
            String link,
            String home,
            String site,
            List<String> shards,
            String state,
            String runner,
            Instant startedAt,
            Instant heartbeatAt,
            Instant endedAt,
            int tablesDone,
            int tablesTotal,
            List<ShardResult> results,
            String error) {
        public CheckPart {
            shards = shards == null ? List.of() : List.copyOf(shards);
            results = results == null ? List.of() : List.copyOf(results);
            runner = runner == null ? "" : runner;
            error = error == null ? "" : error;
        }

        static CheckPart pending(String link, String home, String site, List<String> shards) {
            return new CheckPart(link, home, site, shards, PENDING, "", null, null, null, 0, 0, List.of(), "");
        }

        CheckPart claimed(String by, Instant now) {
            return new CheckPart(link, home, site, shards, RUNNING, by, now, now, null, 0, 0, List.of(), "");
        }

        CheckPart progressed(int done, int total, Instant now) {
            return new CheckPart(
                    link, home, site, shards, state, runner, startedAt, now, endedAt, done, total, results, error);
        }

        CheckPart finished(List<ShardResult> found, Instant now) {
            return new CheckPart(
                    link, home, site, shards, DONE, runner, startedAt, now, now, tablesTotal, tablesTotal, found, "");
        }

        CheckPart failed(String why, Instant now) {
            return new CheckPart(
                    link,
                    home,
                    site,
                    shards,
                    FAILED,
                    runner,
                    startedAt,
                    now,
                    now,
                    tablesDone,
                    tablesTotal,
                    results,
                    why);
        }

        public boolean ended() {
            return state.equals(DONE) || state.equals(FAILED);
        }
    }

    /** PENDING until a part runs, RUNNING while any part has not ended, then DONE, or FAILED if any part failed. */
    public String state() {
        if (parts.stream().allMatch(CheckPart::ended)) {
            return parts.stream().anyMatch(p -> p.state().equals(FAILED)) ? FAILED : DONE;
        }
        return parts.stream().anyMatch(p -> !p.state().equals(PENDING)) ? RUNNING : PENDING;
    }

    /** Shards found different (at any site), shards found the same, shards not checked. */
    public Summary summary() {
        int same = 0;
        int different = 0;
        int notChecked = 0;
        for (CheckPart part : parts) {
            for (ShardResult r : part.results()) {
                switch (r.status()) {
                    case ShardResult.SAME -> same++;
                    case ShardResult.DIFFERENT -> different++;
                    default -> notChecked++;
                }
            }
        }
        return new Summary(same, different, notChecked);
    }

    /** Counts of shard results (one per shard and copy site). */
    public record Summary(int same, int different, int notChecked) {}

    public boolean ended() {
        return parts.stream().allMatch(CheckPart::ended);
    }

    CheckRecord withPart(String link, UnaryOperator<CheckPart> change) {
        List<CheckPart> changed = new ArrayList<>();
        for (CheckPart part : parts) {
            changed.add(part.link().equals(link) ? change.apply(part) : part);
        }
        return new CheckRecord(id, requestedBy, requestedAt, shards, all, site, changed);
    }

    CheckPart part(String link) {
        return parts.stream().filter(p -> p.link().equals(link)).findFirst().orElseThrow();
    }
}
