package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shardhome grants check}: every site's grants against the shard map. */
@Command(
        name = "grants",
        description = "Check the schema grants at every site against the shard map.",
        subcommands = {GrantsCommand.Check.class})
final class GrantsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Lists, per site, the accounts that can write a copy, the managed accounts missing grants at a home and
     * the grants a move could not fence. Exit 0 when there is no drift, 1 when there is (or a site could
     * not be checked).
     */
    @Command(
            name = "check",
            description = "Report grant drift at every site (exit 1 when there is any, or a site cannot be checked).")
    static final class Check implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode report = connection
                    .client()
                    .send("POST", "/api/v1/grants/check", null, null, Map.of())
                    .json();
            PrintWriter out = spec.commandLine().getOut();
            for (JsonNode site : report.path("sites")) {
                out.println(
                        site.path("checked").asBoolean()
                                ? site.path("site").asText() + ": "
                                        + site.path("problems").asInt() + " problem(s)"
                                : site.path("site").asText() + ": NOT CHECKED: "
                                        + site.path("error").asText());
            }
            for (JsonNode problem : report.path("problems")) {
                out.println(problem.path("kind").asText() + " "
                        + problem.path("site").asText() + " "
                        + problem.path("shard").asText() + ": "
                        + problem.path("detail").asText());
                out.println("    fix: " + problem.path("fix").asText());
            }
            int total = report.path("totalProblems").asInt();
            if (total > report.path("problems").size()) {
                out.println("... and " + (total - report.path("problems").size()) + " more problem(s)");
            }
            boolean drift = report.path("drift").asBoolean();
            out.println(drift ? "grant drift found" : "grants match the shard map at every site");
            out.flush();
            return drift ? ShardhomeCli.USER_ERROR : ShardhomeCli.OK;
        }
    }
}
