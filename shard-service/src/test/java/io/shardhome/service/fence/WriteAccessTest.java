package io.shardhome.service.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.fence.GrantTables.DbGrant;
import io.shardhome.service.fence.GrantTables.Principal;
import io.shardhome.service.fence.GrantTables.Proxy;
import io.shardhome.service.fence.GrantTables.RoleGrant;
import io.shardhome.service.fence.GrantTables.Routine;
import io.shardhome.service.fence.GrantTables.RoutineGrant;
import io.shardhome.service.fence.GrantTables.TableGrant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteAccessTest {
    private static final Grantee SHARDHOME = Grantee.account("shardhome", "%");
    private static final Grantee ROOT = Grantee.account("root", "localhost");
    private static final Grantee APP = Grantee.account("app", "%");
    private static final Grantee APP_LOCAL = Grantee.account("app", "10.0.0.%");
    private static final Grantee BOB = Grantee.account("bob", "%");
    private static final List<String> IUD = List.of("INSERT", "UPDATE", "DELETE");

    private final Map<Grantee, Principal> principals = new HashMap<>();
    private final List<DbGrant> db = new ArrayList<>();
    private final List<TableGrant> table = new ArrayList<>();
    private final List<RoleGrant> roles = new ArrayList<>();
    private final List<Proxy> proxies = new ArrayList<>();
    private final List<Routine> routines = new ArrayList<>();
    private final List<RoutineGrant> routineGrants = new ArrayList<>();
    private Set<String> schemas = Set.of("acme", "acme_eu", "beta");

    WriteAccessTest() {
        account(SHARDHOME, List.of("INSERT", "UPDATE"));
        account(ROOT, Privileges.all());
        account(APP, List.of());
        account(APP_LOCAL, List.of());
        account(BOB, List.of());
    }

    private void account(Grantee g, List<String> global) {
        principals.put(g, new Principal(g, false, global, false, ""));
    }

    private SchemaAccess access(String schema) {
        GrantTables tables = new GrantTables(
                SHARDHOME, false, schemas, principals, db, table, roles, proxies, routines, routineGrants);
        return WriteAccess.of(tables, schema, Set.of(ROOT));
    }

    @Test
    void exactDatabaseGrantsOfEveryHostEntryAreClosedByRevokingThem() {
        db.add(new DbGrant(APP, "acme", IUD, false));
        db.add(new DbGrant(APP_LOCAL, "acme", List.of("INSERT"), false));
        db.add(new DbGrant(BOB, "beta", IUD, false));

        SchemaAccess access = access("acme");

        assertThat(access.writers()).containsExactlyInAnyOrder(APP, APP_LOCAL);
        assertThat(access.blockers()).isEmpty();
        assertThat(access.revocations())
                .containsExactlyInAnyOrder(
                        new Revocation(APP, "acme", IUD), new Revocation(APP_LOCAL, "acme", List.of("INSERT")));
    }

    @Test
    void trustedAccountsAndTheCurrentUserAreLeftOut() {
        db.add(new DbGrant(SHARDHOME, "acme", IUD, false));

        assertThat(access("acme").isClosed()).isTrue();
    }

    @Test
    void aTableLevelGrantBlocksNamingTheAccountTheTableAndTheFix() {
        table.add(new TableGrant(APP, "acme", "customers", List.of("INSERT"), List.of()));

        SchemaAccess access = access("acme");

        assertThat(access.revocations()).isEmpty();
        assertThat(access.blockerLines())
                .singleElement()
                .asString()
                .contains("table grant INSERT ON `acme`.`customers` lets 'app'@'%' write acme")
                .contains("REVOKE INSERT ON `acme`.`customers` FROM 'app'@'%'");
    }

    @Test
    void columnAndGlobalGrantsBlock() {
        table.add(new TableGrant(BOB, "acme", "customers", List.of(), List.of("UPDATE")));
        principals.put(APP, new Principal(APP, false, List.of("DELETE"), false, ""));

        assertThat(access("acme").blockerLines())
                .anySatisfy(line -> assertThat(line).startsWith("column grant UPDATE (columns) ON `acme`.`customers`"))
                .anySatisfy(line -> assertThat(line).startsWith("global grant DELETE ON *.* lets 'app'@'%'"));
    }

    @Test
    void wildcardDatabaseGrantsBlockAndNameWhatElseTheyMatch() {
        db.add(new DbGrant(APP, "acme%", IUD, false));

        assertThat(access("acme_eu").blockerLines())
                .singleElement()
                .asString()
                .contains("a wildcard: also acme")
                .contains("GRANT INSERT, UPDATE, DELETE ON `acme\\_eu`.* TO 'app'@'%'");
    }

    @Test
    void anUnescapedUnderscoreIsClosableOnlyWhileNoOtherSchemaMatchesIt() {
        db.add(new DbGrant(APP, "acme_eu", IUD, false));
        assertThat(access("acme_eu").revocations()).containsExactly(new Revocation(APP, "acme_eu", IUD));

        schemas = Set.of("acme_eu", "acmeXeu");
        assertThat(access("acme_eu").blockerLines()).singleElement().asString().contains("also acmeXeu");
        assertThat(access("acmeXeu").blockers()).hasSize(1);
    }

    @Test
    void rolesDefaultRolesAndPublicAreFollowedAndClosedAtTheRole() {
        Grantee writers = Grantee.role("writers");
        principals.put(writers, new Principal(writers, false, List.of(), false, ""));
        principals.put(APP, new Principal(APP, false, List.of(), false, "writers"));
        principals.put(Grantee.PUBLIC, new Principal(Grantee.PUBLIC, true, List.of(), false, ""));
        roles.add(new RoleGrant(APP, writers));
        roles.add(new RoleGrant(BOB, Grantee.PUBLIC));
        db.add(new DbGrant(writers, "acme", IUD, false));
        db.add(new DbGrant(Grantee.PUBLIC, "acme", List.of("INSERT"), false));

        SchemaAccess access = access("acme");

        assertThat(access.paths())
                .anySatisfy(p -> assertThat(p.grant()).startsWith("role writers (default role): database grant"));
        assertThat(access.writers()).contains(APP, BOB);
        assertThat(access.revocations())
                .containsExactlyInAnyOrder(
                        new Revocation(writers, "acme", IUD),
                        new Revocation(Grantee.PUBLIC, "acme", List.of("INSERT")));
    }

    @Test
    void aProxyWritesWithTheProxiedAccountsGrants() {
        db.add(new DbGrant(APP, "acme", IUD, false));
        proxies.add(new Proxy(BOB, APP));
        proxies.add(new Proxy(APP_LOCAL, ROOT));

        SchemaAccess access = access("acme");

        assertThat(access.paths()).anySatisfy(p -> {
            assertThat(p.account()).isEqualTo(BOB);
            assertThat(p.grant()).startsWith("as proxy of 'app'@'%': database grant");
            assertThat(p.closable()).isTrue();
        });
        assertThat(access.blockers()).singleElement().satisfies(p -> assertThat(p.fix())
                .contains("REVOKE PROXY ON 'root'@'localhost' FROM 'app'@'10.0.0.%'"));
    }

    @Test
    void definerRoutinesLetTheirExecutorsWriteClosedWhenTheDefinersGrantIsRevocable() {
        Grantee owner = Grantee.account("owner", "%");
        account(owner, List.of());
        db.add(new DbGrant(owner, "acme", IUD, false));
        routines.add(new Routine("beta", "bump", "PROCEDURE", owner, true));
        routines.add(new Routine("beta", "admin_fix", "PROCEDURE", ROOT, true));
        routines.add(new Routine("beta", "safe", "PROCEDURE", ROOT, false));
        routineGrants.add(new RoutineGrant(APP, "beta", "bump", "PROCEDURE"));
        db.add(new DbGrant(BOB, "beta", List.of(), true));

        SchemaAccess access = access("acme");

        assertThat(access.paths())
                .filteredOn(p -> p.account().equals(APP))
                .singleElement()
                .satisfies(p -> assertThat(p.closedBy()).containsExactly(new Revocation(owner, "acme", IUD)));
        assertThat(access.blockers())
                .filteredOn(p -> p.account().equals(BOB))
                .extracting(SchemaAccess.Path::grant)
                .containsExactly(
                        "EXECUTE on SQL SECURITY DEFINER procedure `beta`.`admin_fix` (definer 'root'@'localhost')");
        assertThat(access.revocations()).containsExactly(new Revocation(owner, "acme", IUD));
    }

    @Test
    void lockedAccountsRolesAndOrphanGrantsCannotLogInSoDoNotCount() {
        Grantee ghost = Grantee.account("ghost", "%");
        principals.put(BOB, new Principal(BOB, true, List.of(), false, ""));
        db.add(new DbGrant(BOB, "acme", IUD, false));
        db.add(new DbGrant(ghost, "acme", IUD, false));

        assertThat(access("acme").isClosed()).isTrue();
    }

    @Test
    void writeGrantsOnTheGrantTablesBlockEveryShard() {
        db.add(new DbGrant(APP, "mysql", List.of("UPDATE"), false));

        assertThat(access("acme").blockerLines()).singleElement().asString().contains("(the grant tables)");
    }
}
