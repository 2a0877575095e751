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
 * {@code shardhome check [SHARD...|--all] [--site SITE]}: compares shards' copies with their homes at one
 * point and prints what differs: tables, and the keys of missing, extra and different rows. Exit 0 when every
 * copy is the same, 1 when one differs (or the request is refused), 2 when the check failed.
 */
@Command(name = "check", description = "Compare shards' copies with their homes (online) and name what differs.")
final class CheckCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(300);

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "SHARD", arity = "0..*", description = "the shards to check")
    List<String> shards = new ArrayList<>();

    @Option(names = "--all", description = "check every shard homed at a site")
    boolean all;

    @Option(names = "--site", paramLabel = "SITE", description = "check only the copies at this site")
    String site;

    @Option(names = "--no-wait", description = "print the check's id and return without waiting for its result")
    boolean noWait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (all == !shards.isEmpty()) {
            throw CliFailure.user("name the shards to check, or --all (not both)");
        }
        ApiClient api = connection.client();
        ObjectNode body = ApiClient.JSON.createObjectNode().put("all", all);
        shards.forEach(body.putArray("shards")::add);
        if (site != null) {
            body.put("site", site);
        }
        JsonNode check = api.send("POST", "/api/v1/checks", "application/json", body.toString(), Map.of())
                .json();
        PrintWriter out = spec.commandLine().getOut();
        String id = check.path("id").asText();
        out.println("check " + id + " started over " + check.path("parts").size() + " link(s)");
        if (noWait) {
            out.println("follow it with: GET /api/v1/checks/" + id);
            return ShardhomeCli.OK;
        }
        String lastProgress = "";
        while (!check.path("state").asText().equals("DONE")
                && !check.path("state").asText().equals("FAILED")) {
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new CliFailure(ShardhomeCli.SERVER_ERROR, "interrupted while following check " + id);
            }
            check = api.get("/api/v1/checks/" + Paths.segment(id)).json();
            String progress = CheckReport.progress(check);
            if (!progress.equals(lastProgress)) {
                out.println(progress);
                lastProgress = progress;
            }
        }
        CheckReport.print(check, out);
        if (check.path("state").asText().equals("FAILED")) {
            throw new CliFailure(ShardhomeCli.SERVER_ERROR, "check " + id + " failed (see above)");
        }
        return check.path("summary").path("different").asInt() > 0 ? ShardhomeCli.USER_ERROR : ShardhomeCli.OK;
    }
}
