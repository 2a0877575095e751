package io.shardhome.service.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shardhome link status [ID]}: the replication links' published status, with how long ago it was
 * published and whether it is stale (its instance gone or silent: the state shown is then the last known).
 */
@Command(
        name = "link",
        description = "Show replication links, take them online or offline, skip a transaction a link stopped at.",
        subcommands = {
            LinkCommand.Status.class,
            LinkCommand.Online.class,
            LinkCommand.Offline.class,
            LinkCommand.Skip.class
        })
final class LinkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per link, or one link's whole status as JSON. */
    @Command(
            name = "status",
            description = "One line per link, with when its status was published (STALE when its instance is"
                    + " gone or silent), or the full status of link ID (e.g. nyc->sjc).")
    static final class Status implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "a link id, e.g. nyc->sjc")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            ApiClient api = connection.client();
            PrintWriter out = spec.commandLine().getOut();
            if (id != null) {
                JsonNode link = api.get("/api/v1/links/" + Paths.segment(id)).json();
                out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(link));
                return ShardhomeCli.OK;
            }
            JsonNode links = api.get("/api/v1/links").json();
            out.printf("%-24s %-16s %10s %12s  %s%n", "LINK", "STATE", "LAG(s)", "APPLIED", "PUBLISHED");
            List<String> stale = new ArrayList<>();
            for (JsonNode link : links) {
                JsonNode status = link.path("status");
                boolean isStale = link.path("stale").asBoolean(false);
                out.printf(
                        "%-24s %-16s %10s %12s  %s%n",
                        link.path("id").asText(),
                        status.path("state").asText("?"),
                        status.path("lagSeconds").asText("?"),
                        status.path("applied").asText("?"),
                        age(link.path("ageMillis").asLong(-1)) + (isStale ? "  STALE" : ""));
                String waiting = status.path("waiting").asText("");
                if (!waiting.isEmpty()) {
                    out.println("  waiting: " + waiting);
                }
                if (isStale) {
                    stale.add("  " + link.path("id").asText() + " is STALE (its state and lag are the last known): "
                            + link.path("staleReason").asText());
                }
            }
            stale.forEach(out::println);
            out.flush();
            return ShardhomeCli.OK;
        }

        /** How long ago a status was published, e.g. {@code 3s ago}, {@code 12m ago}. */
        static String age(long millis) {
            if (millis < 0) {
                return "never";
            }
            long seconds = millis / 1000;
            if (seconds < 120) {
                return seconds + "s ago";
            }
            if (seconds < 2 * 3600) {
                return seconds / 60 + "m ago";
            }
            return seconds / 3600 + "h ago";
        }
    }

    /** Sends an online or offline request; the instance running the link applies it within a second. */
    abstract static class Control implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "ID", description = "a link id, e.g. nyc->sjc")
        String id;

        @Spec
        CommandSpec spec;

        abstract String action();

        @Override
        public Integer call() {
            JsonNode accepted = connection
                    .client()
                    .send("POST", "/api/v1/links/" + Paths.segment(id) + "/" + action(), null, null, java.util.Map.of())
                    .json();
            spec.commandLine()
                    .getOut()
                    .println("requested " + accepted.path("id").asText() + " "
                            + accepted.path("desired").asText()
                            + "; the instance running it applies this within a second (see 'link status')");
            return ShardhomeCli.OK;
        }
    }

    /** {@code link online ID}: run the link (and resume it from OFFLINE:ERROR). */
    @Command(name = "online", description = "Run link ID again; also resumes a link stopped by an error.")
    static final class Online extends Control {
        @Override
        String action() {
            return "online";
        }
    }

    /** {@code link offline ID}: stop the link until asked online again. */
    @Command(name = "offline", description = "Stop link ID (in whichever instance runs it) until 'link online'.")
    static final class Offline extends Control {
        @Override
        String action() {
            return "offline";
        }
    }

    /** {@code link skip ID --gtid G}: skip exactly the transaction a stopped link stopped at, and resume. */
    @Command(
            name = "skip",
            description = "Skip the one transaction OFFLINE:ERROR link ID stopped at (its pendingErrorGtid) and resume;"
                    + " any other GTID is refused. Audited; 'link status ID' shows the tables and rows skipped.")
    static final class Skip implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "ID", description = "a link id, e.g. nyc->sjc")
        String id;

        @picocli.CommandLine.Option(
                names = "--gtid",
                required = true,
                paramLabel = "GTID",
                description = "the transaction the link stopped at")
        String gtid;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            String body = ApiClient.JSON.writeValueAsString(java.util.Map.of("gtid", gtid));
            JsonNode accepted = connection
                    .client()
                    .send(
                            "POST",
                            "/api/v1/links/" + Paths.segment(id) + "/skip",
                            "application/json",
                            body,
                            java.util.Map.of())
                    .json();
            spec.commandLine()
                    .getOut()
                    .println("requested " + accepted.path("desired").asText() + " on "
                            + accepted.path("id").asText()
                            + "; the instance running it skips that transaction and resumes within a second"
                            + " (see 'link status " + id + "')");
            return ShardhomeCli.OK;
        }
    }
}
