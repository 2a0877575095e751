package io.shardhome.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.testing.ServiceTestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against the running service over real HTTP. */
class CliIT extends ServiceTestSupport {
    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int cli(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url=http://127.0.0.1:" + port);
        all.add("--data-dir=" + dir);
        if (token != null) {
            all.add("--token=" + token);
        }
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ShardhomeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private int admin(String... args) {
        return cli(ADMIN_TOKEN, args);
    }

    @Test
    void insertUpdateLookupAndDeleteAShard() {
        String shard = uniqueShard("cli");

        assertThat(admin("shard", "insert", shard, "sjc", "--critical")).isZero();
        assertThat(out.toString()).contains("inserted " + shard + " home=sjc critical=true");
        assertThat(admin("shard", "update", shard, "--home", "nyc")).isZero();
        assertThat(out.toString()).contains("home=nyc critical=true");
        assertThat(cli(READER_TOKEN, "lookup", shard)).isZero();
        assertThat(out.toString()).contains(shard + " home=nyc state=ACTIVE", "jdbc:mysql://127.0.0.1:3306/" + shard);
        assertThat(admin("shard", "delete", shard)).isZero();
        assertThat(cli(READER_TOKEN, "lookup", shard)).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("SHARD_NOT_FOUND");
    }

    @Test
    void insertingAnExistingShardIsAUserError() {
        String shard = uniqueShard("dup");
        admin("shard", "insert", shard, "sjc");

        assertThat(admin("shard", "insert", shard, "nyc")).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("already exists", "SHARD_EXISTS");
    }

    @Test
    void updateWithoutChangesOrOfAnUnknownShardIsAUserError() {
        assertThat(admin("shard", "update", "whatever")).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("nothing to change");
        assertThat(admin("shard", "update", "no_such_shard", "--home", "nyc")).isEqualTo(ShardhomeCli.USER_ERROR);
    }

    @Test
    void listOutputFeedsBackIntoImportUnchanged() throws IOException {
        admin("shard", "insert", uniqueShard("round"), "sjc");
        admin("shard", "list");
        Path listed = Files.writeString(dir.resolve("listed.csv"), out.toString());

        assertThat(admin("shard", "import", "--replace", listed.toString())).isZero();

        assertThat(out.toString()).contains("no changes", "nothing to apply");
    }

    @Test
    void listFilteredByHomeIsStillTheCsvFormat() {
        String shard = uniqueShard("filtered");
        admin("shard", "insert", shard, "nyc");

        assertThat(cli(READER_TOKEN, "shard", "list", "--home", "nyc", "-q", shard))
                .isZero();

        assertThat(out.toString()).startsWith("# version: ").contains("shard_id", shard + " nyc");
    }

    @Test
    void importDryRunShowsTheDiffAndChangesNothing() throws IOException {
        String shard = uniqueShard("dry");
        Path file = Files.writeString(dir.resolve("m.csv"), "shard_id master critical\n" + shard + " sjc false\n");

        assertThat(admin("shard", "import", "--merge", "--dry-run", file.toString()))
                .isZero();

        assertThat(out.toString()).contains("+ " + shard + " sjc false", "dry run: nothing changed");
        assertThat(cli(READER_TOKEN, "lookup", shard)).isEqualTo(ShardhomeCli.USER_ERROR);
    }

    @Test
    void importOfABadFileListsLineAndColumnAndIsAUserError() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "shard_id master critical\nacme sjc maybe\n");

        assertThat(admin("shard", "import", "--merge", file.toString())).isEqualTo(ShardhomeCli.USER_ERROR);

        assertThat(err.toString()).contains("INVALID_MAP", "line 2, column", "maybe");
    }

    @Test
    void importNeedsExactlyOneOfReplaceOrMerge() {
        assertThat(admin("shard", "import")).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(admin("shard", "import", "--replace", "--merge")).isEqualTo(ShardhomeCli.USER_ERROR);
    }

    @Test
    void deleteAllNeedsConfirmationThenEmptiesTheMap() {
        admin("shard", "insert", uniqueShard("doomed"), "sjc");

        assertThat(admin("shard", "delete-all")).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(admin("shard", "delete-all", "--yes")).isZero();
        assertThat(admin("shard", "list")).isZero();
        assertThat(out.toString().lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly("shard_id master critical");
    }

    @Test
    void readerTokenCannotWriteAndGetsAUserError() {
        assertThat(cli(READER_TOKEN, "shard", "insert", uniqueShard("nope"), "sjc"))
                .isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(err.toString()).contains("FORBIDDEN");
    }

    @Test
    void tokenIsReadFromTheDataDirectoryWhenNotGiven() throws IOException {
        Files.writeString(dir.resolve("admin.token"), ADMIN_TOKEN + "\n");

        assertThat(cli(null, "shard", "insert", uniqueShard("fromfile"), "sjc")).isZero();
    }

    @Test
    void unreachableServiceIsAServerError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int code = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "lookup",
                "acme",
                "--url=http://127.0.0.1:" + closedPort,
                "--token=" + ADMIN_TOKEN);

        assertThat(code).isEqualTo(ShardhomeCli.SERVER_ERROR);
        assertThat(err.toString()).contains("cannot reach", "shardhome serve");
    }
}
