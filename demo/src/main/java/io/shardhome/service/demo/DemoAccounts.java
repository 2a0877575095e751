package io.shardhome.service.demo;

import io.shardhome.links.embedded.EmbeddedMariaDb.Account;
import java.util.List;

/**
 * The database accounts of the demo's sites, the same at every site. They are local demo accounts on
 * servers bound to 127.0.0.1, so their passwords are fixed and printed.
 */
final class DemoAccounts {
    /** The service's own account: links and moves (all privileges, grant option). */
    static final Account SERVICE = new Account("shardhome", "shardhome-demo", true);
    /** The tutorial's administrator account: creates schemas and tables like a DBA would. */
    static final Account DBA = new Account("demo", "demo", true);
    /**
     * The application's account: writes a shard's schema only at the shard's home; a move fences it by
     * moving these grants (no global privileges, as moves require).
     */
    static final Account APP = new Account("app", "app-secret", false);

    static final List<Account> ALL = List.of(SERVICE, DBA, APP);

    /** What the application may do on a shard's schema at its home; at a copy it may only read. */
    static final String HOME_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX";

    private DemoAccounts() {}
}
