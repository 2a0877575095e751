package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardhome site ...}: what happens to a whole site (failover of a dead one). */
@Command(
        name = "site",
        description = "Fail a dead site over to the survivors, and bring it back.",
        subcommands = {SiteCommand.Failover.class, SiteCommand.Return.class, SiteCommand.Activate.class})
final class SiteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code shardhome site failover SITE [--to SITE2 | --spread] [--dry-run]}: prints each shard's new home
     * and its loss line; exit 0 when done (or planned), 1 when refused.
     */
    @Command(
            name = "failover",
            description = "Mark a dead site DOWN and re-home each of its shards at a surviving site, without"
                    + " contacting it; prints the loss report per shard.")
    static final class Failover implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "SITE", description = "the dead site")
        String site;

        @Option(names = "--to", paramLabel = "SITE2", description = "re-home every shard at this site")
        String to;

        @Option(names = "--spread", description = "spread the shards over the surviving sites (the default)")
        boolean spread;

        @Option(names = "--dry-run", description = "show the plan and the loss report; change nothing")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (to != null && spread) {
                throw CliFailure.user("give either --to SITE2 or --spread, not both");
            }
            StringBuilder path =
                    new StringBuilder("/api/v1/sites/" + Paths.segment(site) + "/failover?dryRun=" + dryRun);
            if (to != null) {
                path.append("&to=").append(Paths.segment(to));
            }
            if (spread) {
                path.append("&spread=true");
            }
            JsonNode report = connection
                    .client()
                    .send("POST", path.toString(), null, null, Map.of())
                    .json();
            PrintWriter out = spec.commandLine().getOut();
            for (JsonNode shard : report.path("shards")) {
                out.println(shard.path("shard").asText() + " -> "
                        + shard.path("newHome").asText());
                out.println("    " + shard.path("summary").asText());
            }
            for (JsonNode warning : report.path("warnings")) {
                out.println("WARNING: " + warning.asText());
            }
            int shards = report.path("shards").size();
            String known = report.path("lastKnown").asText();
            out.println(
                    dryRun
                            ? "dry run: " + site + " would be marked DOWN and " + shards + " shard(s) re-homed"
                                    + " (map version "
                                    + report.path("mapVersion").asLong() + ")"
                            : site + " is DOWN; " + shards + " shard(s) re-homed in "
                                    + report.path("tookMillis").asLong() + " ms (map version "
                                    + report.path("mapVersion").asLong() + ")");
            out.println("last known position of " + site + ": " + (known.isEmpty() ? "unknown" : known));
            out.flush();
            return ShardhomeCli.OK;
        }
    }

    /** {@code shardhome site return SITE}: fences a failed-over site and lists its orphans. */
    @Command(
            name = "return",
            description = "Fence a failed-over site that is back, list its orphans (never applied), mark it JOINING.")
    static final class Return implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "SITE", description = "the returning site")
        String site;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode body = connection
                    .client()
                    .send("POST", "/api/v1/sites/" + Paths.segment(site) + "/return", null, null, Map.of())
                    .json();
            PrintWriter out = spec.commandLine().getOut();
            out.println(site + " is fenced and " + body.path("state").asText() + "; "
                    + body.path("totalOrphans").asLong() + " orphan(s) after "
                    + body.path("from").asText()
                    + " (never applied):");
            for (JsonNode o : body.path("orphans")) {
                out.println("  " + o.path("gtid").asText() + " "
                        + o.path("shard").asText() + " " + o.path("rows").toString() + " missing at "
                        + o.path("missingAt").toString());
            }
            long more =
                    body.path("totalOrphans").asLong() - body.path("orphans").size();
            if (more > 0) {
                out.println("  ... and " + more + " more (GET /api/v1/audit)");
            }
            for (JsonNode revoked : body.path("fenced")) {
                out.println("fenced: " + revoked.asText());
            }
            out.println("re-seed: " + body.path("reseed").toString());
            out.println("next: " + body.path("next").asText());
            out.flush();
            return ShardhomeCli.OK;
        }
    }

    /** {@code shardhome site activate SITE}: a returned site whose copies are re-seeded becomes ACTIVE. */
    @Command(
            name = "activate",
            description = "Mark a returned (JOINING) site ACTIVE; its links start after its orphans.")
    static final class Activate implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "SITE", description = "the returned site")
        String site;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode body = connection
                    .client()
                    .send("POST", "/api/v1/sites/" + Paths.segment(site) + "/activate", null, null, Map.of())
                    .json();
            PrintWriter out = spec.commandLine().getOut();
            out.println(site + " is ACTIVE; its links start after "
                    + body.path("linksStartAfter").asText());
            out.flush();
            return ShardhomeCli.OK;
        }
    }
}
