package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shardhome shard reseed SHARD --site SITE [--wait]}: rebuilds the shard's copy at SITE from its home,
 * online; {@code --all [--from HOME]} rebuilds every shard homed at HOME (or at every other site: a site that
 * joins), one re-seed per link, which also repairs a link stopped with BINLOG_PURGED. With {@code --wait} it follows the re-seed with a progress bar: exit 0 when done, 2 when it failed
 * (the shard then stays left out of the link until a re-seed finishes; the reason is printed).
 */
@Command(
        name = "reseed",
        description = "Rebuild a shard's copy at a site from its home (online); --all: every shard of a home.")
final class ShardReseedCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(300);
    private static final int BAR = 30;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHARD", description = "the shard whose copy to rebuild")
    String shard;

    @Option(
            names = "--all",
            description = "re-seed every shard homed at --from (or at every other site: seeds a site that joins);"
                    + " also repairs a link stopped with BINLOG_PURGED")
    boolean all;

    @Option(names = "--from", paramLabel = "HOME", description = "with --all: only the shards homed at this site")
    String from;

    @Option(names = "--site", required = true, paramLabel = "SITE", description = "the site holding the copy")
    String site;

    @Option(names = "--wait", description = "follow the re-seed until it ends, with a progress bar")
    boolean await;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (all == (shard != null) || (from != null && !all)) {
            throw CliFailure.user("name one SHARD, or --all [--from HOME] (not both)");
        }
        ApiClient api = connection.client();
        PrintWriter out = spec.commandLine().getOut();
        if (!all) {
            String body = ApiClient.JSON.createObjectNode().put("site", site).toString();
            String path = "/api/v1/shards/" + Paths.segment(shard) + "/reseeds";
            return follow(
                    api,
                    api.send("POST", path, "application/json", body, Map.of()).json(),
                    out);
        }
        ObjectNode body = ApiClient.JSON.createObjectNode().put("site", site);
        if (from != null) {
            body.put("from", from);
        }
        List<JsonNode> started = new ArrayList<>();
        api.send("POST", "/api/v1/reseeds", "application/json", body.toString(), Map.of())
                .json()
                .forEach(started::add);
        for (JsonNode reseed : started) {
            follow(api, reseed, out);
        }
        return ShardhomeCli.OK;
    }

    /** Prints the re-seed's start and, with --wait, its phases and a progress bar until it ends. */
    private int follow(ApiClient api, JsonNode started, PrintWriter out) {
        JsonNode reseed = started;
        String id = reseed.path("id").asText();
        String shards = reseed.path("shard").asText();
        out.println("re-seed " + id + ": " + shards + " at " + site + " from "
                + reseed.path("home").asText() + " started");
        if (!await) {
            out.println("follow it with: GET /api/v1/reseeds/" + id);
            return ShardhomeCli.OK;
        }
        int stepsShown = 0;
        boolean barShown = false;
        while (!reseed.path("state").asText().equals("DONE")
                && !reseed.path("state").asText().equals("FAILED")) {
            int printed = steps(reseed, stepsShown, barShown, out);
            barShown &= printed == stepsShown; // a new step line ends the bar's line
            stepsShown = printed;
            if (reseed.path("phase").asText().equals("COPYING")) {
                out.print("\r  "
                        + bar(
                                reseed.path("rowsCopied").asLong(),
                                reseed.path("rowsEstimated").asLong()));
                out.flush();
                barShown = true;
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new CliFailure(ShardhomeCli.SERVER_ERROR, "interrupted while following re-seed " + id);
            }
            reseed = api.get("/api/v1/reseeds/" + Paths.segment(id)).json();
        }
        steps(reseed, stepsShown, barShown, out);
        if (reseed.path("state").asText().equals("DONE")) {
            out.println("re-seeded " + shards + " at " + site + ": "
                    + reseed.path("tables").asInt() + " tables, "
                    + reseed.path("rowsCopied").asLong() + " rows copied at "
                    + reseed.path("gtid").asText()
                    + "; link " + reseed.path("link").asText() + " carries it again");
            return ShardhomeCli.OK;
        }
        throw new CliFailure(
                ShardhomeCli.SERVER_ERROR,
                "re-seed " + id + " failed: " + reseed.path("error").asText());
    }

    /** Prints the steps not shown yet; returns how many are shown. */
    private static int steps(JsonNode reseed, int shown, boolean afterBar, PrintWriter out) {
        int next = shown;
        for (; next < reseed.path("steps").size(); next++) {
            JsonNode step = reseed.path("steps").get(next);
            out.println((afterBar && next == shown ? "\n" : "") + "  "
                    + step.path("at").asText() + " " + step.path("phase").asText() + " "
                    + step.path("note").asText());
        }
        return next;
    }

    /** {@code [#########.....] 62% 1234/2000 rows}; the estimate is the home's, so it may be passed. */
    static String bar(long copied, long estimated) {
        long total = Math.max(Math.max(estimated, copied), 1);
        int filled = (int) (BAR * copied / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + (100 * copied / total) + "% " + copied + "/"
                + total + " rows";
    }
}
