package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lookup SHARD}: where the shard takes its writes. */
@Command(name = "lookup", description = "Show a shard's home master (as applications see it).")
final class LookupCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SHARD", description = "the shard id")
    String shard;

    @Option(names = "--json", description = "print the service's JSON answer")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient.Reply reply = connection.client().get("/api/v1/lookup/" + Paths.segment(shard));
        spec.commandLine().getOut().println(json ? reply.body() : describe(reply.json()));
        return ShardhomeCli.OK;
    }

    static String describe(JsonNode body) {
        JsonNode master = body.path("master");
        String where = master.isObject()
                ? master.path("host").asText() + ":" + master.path("port").asInt() + " "
                        + master.path("jdbcUrl").asText()
                : "(never leaves its site)";
        return body.path("shard").asText() + " home=" + body.path("home").asText() + " state="
                + body.path("state").asText() + " critical="
                + body.path("critical").asBoolean() + " master="
                + where + " mapVersion=" + body.path("mapVersion").asLong();
    }
}
