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
 * {@code shardhome move SHARD --to SITE [--wait]}: moves a shard's home. With {@code --wait} it follows
 * the move to its end: exit 0 when moved, 1 when it rolled back (the reason is printed; the home is
 * unchanged and takes writes).
 */
@Command(name = "move", description = "Move a shard's home to another site (fence, catch up, flip, unfence).")
final class MoveCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(200);

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SHARD", description = "the shard to move")
    String shard;

    @Option(names = "--to", required = true, paramLabel = "SITE", description = "the site that becomes its home")
    String to;

    @Option(names = "--wait", description = "follow the move until it ends")
    boolean await;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient api = connection.client();
        String body = ApiClient.JSON
                .createObjectNode()
                .put("shard", shard)
                .put("to", to)
                .toString();
        JsonNode move = api.send("POST", "/api/v1/moves", "application/json", body, Map.of())
                .json();
        PrintWriter out = spec.commandLine().getOut();
        String id = move.path("id").asText();
        out.println("move " + id + ": " + shard + " " + move.path("from").asText() + " -> " + to + " started");
        if (!await) {
            out.println("follow it with: GET /api/v1/moves/" + id);
            return ShardhomeCli.OK;
        }
        while ("RUNNING".equals(move.path("outcome").asText())) {
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new CliFailure(ShardhomeCli.SERVER_ERROR, "interrupted while following move " + id);
            }
            move = api.get("/api/v1/moves/" + Paths.segment(id)).json();
        }
        for (JsonNode step : move.path("steps")) {
            out.println("  " + step.path("at").asText() + " "
                    + step.path("phase").asText() + " " + step.path("note").asText());
        }
        if ("MOVED".equals(move.path("outcome").asText())) {
            out.println("moved " + shard + " to " + to + "; write outage "
                    + move.path("outageMillis").asLong() + " ms");
            return ShardhomeCli.OK;
        }
        throw CliFailure.user("move " + id + " rolled back, " + shard + " stays at "
                + move.path("from").asText() + ": " + move.path("reason").asText());
    }
}
