package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
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
 * online. With {@code --wait} it follows the re-seed with a progress bar: exit 0 when done, 2 when it failed
 * (the shard then stays left out of the link until a re-seed finishes; the reason is printed).
 */
@Command(name = "reseed", description = "Rebuild a shard's copy at a site from its home (online).")
final class ShardReseedCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(300);
    private static final int BAR = 30;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SHARD", description = "the shard whose copy to rebuild")
    String shard;

    @Option(names = "--site", required = true, paramLabel = "SITE", description = "the site holding the copy")
    String site;

    @Option(names = "--wait", description = "follow the re-seed until it ends, with a progress bar")
    boolean await;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient api = connection.client();
        String body = ApiClient.JSON.createObjectNode().put("site", site).toString();
        JsonNode reseed = api.send(
                        "POST",
                        "/api/v1/shards/" + Paths.segment(shard) + "/reseeds",
                        "application/json",
                        body,
                        Map.of())
                .json();
        PrintWriter out = spec.commandLine().getOut();
        String id = reseed.path("id").asText();
        out.println("re-seed " + id + ": " + shard + " at " + site + " from "
                + reseed.path("home").asText() + " started");
        if (!await) {
            out.println("follow it with: GET /api/v1/reseeds/" + id);
            return ShardhomeCli.OK;
        }
        int stepsShown = 0;
        boolean barShown = false;
        while (true) {
            for (; stepsShown < reseed.path("steps").size(); stepsShown++) {
                JsonNode step = reseed.path("steps").get(stepsShown);
                out.println((barShown ? "\n" : "") + "  " + step.path("at").asText() + " "
                        + step.path("phase").asText() + " " + step.path("note").asText());
                barShown = false;
            }
            String state = reseed.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
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
        if (reseed.path("state").asText().equals("DONE")) {
            out.println("re-seeded " + shard + " at " + site + ": "
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

    /** {@code [#########.....] 62% 1234/2000 rows}; the estimate is the home's, so it may be passed. */
    static String bar(long copied, long estimated) {
        long total = Math.max(Math.max(estimated, copied), 1);
        int filled = (int) (BAR * copied / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + (100 * copied / total) + "% " + copied + "/"
                + total + " rows";
    }
}
