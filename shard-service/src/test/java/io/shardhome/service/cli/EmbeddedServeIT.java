package io.shardhome.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.testing.Api;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** {@code serve} with no configuration: embedded ZooKeeper, generated admin token, data kept across restarts. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedServeIT {
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext serve() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port=0", "--data-dir=" + dataDir, "--spring.jmx.enabled=false");
        return ShardhomeApplication.start(serve.arguments());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private int cli(int port, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=http://127.0.0.1:" + port;
        all[args.length + 1] = "--data-dir=" + dataDir;
        return ShardhomeCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), all);
    }

    @Test
    void firstStartCreatesAnOwnerOnlyAdminTokenLogsWhereItIsAndKeepsDataAcrossRestarts(CapturedOutput output)
            throws IOException {
        Path tokenFile = dataDir.resolve("admin.token");
        String token;
        try (ConfigurableApplicationContext first = serve()) {
            token = Files.readString(tokenFile).trim();
            int port = port(first);
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(output.getAll()).contains(tokenFile.toString()).doesNotContain(token);
            assertThat(Api.at(port, null).get("/actuator/health").status()).isEqualTo(200);
            assertThat(Api.at(port, null).get("/api/v1/sites").status()).isEqualTo(401);
            assertThat(Api.at(port, token)
                            .putJson("/api/v1/sites/sjc", "{\"host\":\"127.0.0.1\",\"port\":3307}")
                            .status())
                    .isEqualTo(201);
            assertThat(cli(port, "shard", "insert", "acme", "sjc")).isZero();
        }

        try (ConfigurableApplicationContext second = serve()) {
            assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
            assertThat(cli(port(second), "lookup", "acme")).isZero();
        }
    }
}
