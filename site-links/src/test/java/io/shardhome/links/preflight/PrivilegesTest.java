package io.shardhome.links.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegesTest {
    @Test
    void globalPrivilegesComeFromEveryOnStarStarLineIncludingRolesAndPublic() {
        List<String> showGrants = List.of(
                "GRANT `r1` TO `nop`@`127.0.0.1`",
                "GRANT SELECT ON *.* TO `nop`@`127.0.0.1` IDENTIFIED BY PASSWORD '*7B9E'",
                "GRANT `r2` TO `r1`",
                "GRANT USAGE ON *.* TO `r1`",
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `r2`",
                "GRANT SELECT, INSERT ON `test`.* TO PUBLIC",
                "GRANT BINLOG_ADMIN,REPLICATION_APPLIER ON *.* TO `link`@`%`");

        assertThat(Privileges.global(showGrants))
                .containsExactlyInAnyOrder(
                        "SELECT",
                        "USAGE",
                        "REPLICATION SLAVE",
                        "BINLOG MONITOR",
                        "BINLOG_ADMIN",
                        "REPLICATION_APPLIER");
    }

    @Test
    void schemaLevelGrantsGiveNoGlobalPrivilege() {
        assertThat(Privileges.global(List.of("GRANT ALL PRIVILEGES ON `acme`.* TO `link`@`%`")))
                .isEmpty();
    }

    @Test
    void mariaDbAccessDeniedNamesOnePrivilege() {
        List<String> needed = Privileges.neededBy(
                "Access denied; you need (at least one of) the BINLOG REPLAY privilege(s) for this operation");

        assertThat(needed).containsExactly("BINLOG REPLAY");
        assertThat(Privileges.toGrant(needed)).isEqualTo("BINLOG REPLAY");
    }

    @Test
    void mySqlAccessDeniedNamesAlternativesAndTheGrantAvoidsSuper() {
        List<String> needed = Privileges.neededBy("Access denied; you need (at least one of) the SUPER,"
                + " SYSTEM_VARIABLES_ADMIN or SESSION_VARIABLES_ADMIN privilege(s) for this operation");

        assertThat(needed).containsExactly("SUPER", "SYSTEM_VARIABLES_ADMIN", "SESSION_VARIABLES_ADMIN");
        assertThat(Privileges.toGrant(needed)).isEqualTo("SYSTEM_VARIABLES_ADMIN");
        assertThat(Privileges.toGrant(List.of("SUPER"))).isEqualTo("SUPER");
    }

    @Test
    void otherMessagesNameNoPrivilege() {
        assertThat(Privileges.neededBy("Variable 'x' is read only")).isEmpty();
    }

    @Test
    void currentUserBecomesTheAccountAsGrantNamesIt() {
        assertThat(Privileges.account("link@%")).isEqualTo("'link'@'%'");
        assertThat(Privileges.account("o'brien@10.0.%")).isEqualTo("'o''brien'@'10.0.%'");
        assertThat(Privileges.account("a@b@localhost")).isEqualTo("'a@b'@'localhost'");
    }
}
