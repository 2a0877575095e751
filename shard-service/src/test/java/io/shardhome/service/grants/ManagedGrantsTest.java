package io.shardhome.service.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shardhome.filter.map.Home;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.fence.GrantTables.DbGrant;
import io.shardhome.service.fence.GrantTables.Principal;
import io.shardhome.service.fence.Grantee;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagedGrantsTest {
    private static final Grantee APP = Grantee.account("app", "%");
    private static final ManagedGrants MANAGED =
            new ManagedGrants(List.of(APP), List.of("INSERT", "UPDATE", "DELETE"), List.of("SELECT"));

    @Test
    void theHomeGetsWriteAndReadOnExactlyTheSchemaACopyOnlyRead() {
        assertThat(MANAGED.statements("acme_eu", Home.site("sjc"), "sjc"))
                .containsExactly("GRANT SELECT, INSERT, UPDATE, DELETE ON `acme\\_eu`.* TO 'app'@'%'");
        assertThat(MANAGED.statements("acme_eu", Home.site("sjc"), "nyc"))
                .containsExactly(
                        "REVOKE INSERT, UPDATE, DELETE ON `acme\\_eu`.* FROM 'app'@'%'",
                        "GRANT SELECT ON `acme\\_eu`.* TO 'app'@'%'");
    }

    @Test
    void aLocalShardIsWrittenEverywhereAndADeletedOneNowhere() {
        assertThat(MANAGED.statements("scratch", Home.parse("#LOCAL"), "nyc"))
                .singleElement()
                .asString()
                .startsWith("GRANT SELECT, INSERT");
        assertThat(MANAGED.statements("gone", null, "sjc"))
                .containsExactly("REVOKE INSERT, UPDATE, DELETE ON `gone`.* FROM 'app'@'%'");
    }

    @Test
    void driftNamesWritableCopiesAndMissingHomeGrantsWithTheirFix() {
        Grantee shardhome = Grantee.account("shardhome", "%");
        GrantTables nyc = new GrantTables(
                shardhome,
                false,
                Set.of("acme", "beta"),
                Map.of(
                        APP, new Principal(APP, false, List.of(), false, ""),
                        shardhome, new Principal(shardhome, false, List.of(), false, "")),
                List.of(
                        new DbGrant(APP, "acme", List.of("INSERT"), false),
                        new DbGrant(APP, "beta", List.of("INSERT", "UPDATE"), false)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        List<GrantDrift.Problem> problems = GrantDrift.of(
                nyc,
                "nyc",
                List.of(ShardDefinition.of("acme", "sjc", false), ShardDefinition.of("beta", "nyc", false)),
                MANAGED,
                Set.of());

        assertThat(problems)
                .extracting(GrantDrift.Problem::kind, GrantDrift.Problem::shard, GrantDrift.Problem::fix)
                .containsExactly(
                        tuple(GrantDrift.WRITABLE_COPY, "acme", "REVOKE INSERT ON `acme`.* FROM 'app'@'%'"),
                        tuple(GrantDrift.MISSING_AT_HOME, "beta", "GRANT DELETE ON `beta`.* TO 'app'@'%'"));
    }
}
