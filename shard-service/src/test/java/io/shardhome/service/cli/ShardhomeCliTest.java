package io.shardhome.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShardhomeCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ShardhomeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void validatePrintsTheMapSortedInCanonicalFormAndExitsZero() throws IOException {
        String map = file("map.csv", "shard_id master critical\npinnacle nyc false\nacme, sjc, TRUE\n");

        assertThat(run("validate", map)).isZero();

        assertThat(out.toString()).contains("shard_id master critical").containsSubsequence("acme", "pinnacle");
        assertThat(err.toString()).contains("valid, 2 shard(s)");
    }

    @Test
    void validateListsEveryErrorWithLineAndColumnAndExitsOne() throws IOException {
        String map = file("bad.csv", "shard_id master critical\nacme sjc yes\nacme nyc false\nx-y sjc false\n");

        assertThat(run("validate", map)).isEqualTo(ShardhomeCli.USER_ERROR);

        assertThat(err.toString())
                .contains("bad.csv:2:", "'yes'")
                .contains("bad.csv:3:", "acme")
                .contains("bad.csv:4:", "x-y")
                .contains("nothing was accepted");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateOfAMissingFileIsAUserErrorNamingTheFile() {
        assertThat(run("validate", dir.resolve("nope.csv").toString())).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("nope.csv", "no such file");
    }

    @Test
    void diffShowsAddedRemovedAndChangedShards() throws IOException {
        String before = file("a.csv", "shard_id master critical\nacme sjc false\nold nyc false\n");
        String after = file("b.csv", "shard_id master critical\nacme nyc false\nnew sjc true\n");

        assertThat(run("diff", before, after)).isZero();

        assertThat(out.toString())
                .contains("+ new sjc true", "- old nyc false", "~ acme sjc false -> nyc false")
                .contains("+1 added, -1 removed, ~1 changed");
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = commandPaths(new CommandLine(new ShardhomeCli()), new ArrayList<>());
        assertThat(paths).as("the whole command tree").hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            for (String help : new String[] {"--help", "-h"}) {
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                List<String> args = new ArrayList<>(path);
                args.add(help);

                assertThat(run(args.toArray(String[]::new)))
                        .as(args + ": " + err)
                        .isZero();

                assertThat(out.toString()).as(String.join(" ", args)).startsWith(String.join(" ", usage(path)));
                assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    private static List<String> usage(List<String> path) {
        List<String> words = new ArrayList<>(List.of("Usage:", "shardhome"));
        words.addAll(path);
        return words;
    }

    /** Every command's words, e.g. [shardhome], [shardhome, link], [shardhome, link, status]. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> parent) {
        List<String> path = new ArrayList<>(parent);
        path.add(command.getCommandName());
        List<List<String>> paths = new ArrayList<>();
        paths.add(path.subList(1, path.size()).isEmpty() ? List.of() : List.copyOf(path.subList(1, path.size())));
        for (CommandLine sub : command.getSubcommands().values()) {
            paths.addAll(commandPaths(sub, path));
        }
        return paths;
    }

    @Test
    void demoInTheServiceJarSaysWhereTheDemoIs() {
        assertThat(run("demo", "--check")).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("./shardhome demo", "shardhome-demo.jar");
    }

    @Test
    void unknownSubcommandIsAUserError() {
        assertThat(run("frobnicate")).isEqualTo(ShardhomeCli.USER_ERROR);
    }
}
