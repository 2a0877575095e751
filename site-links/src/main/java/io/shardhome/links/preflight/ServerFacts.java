package io.shardhome.links.preflight;

import io.shardhome.links.preflight.PreflightFailure.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one master told the preflight about itself: flavour and version, its global variables, the link
 * account's global privileges (as {@code SHOW GRANTS} lists them, roles included) and the outcome of each
 * {@link Probe}. Read by {@link ServerFactsReader}, judged by the pure requirement classes. Immutable.
 *
 * @param role the end of the link the server is
 * @param site the site's name
 * @param address how the link reached it ({@code host:port})
 * @param mariaDb MariaDB (else MySQL)
 * @param version {@code SELECT VERSION()}
 * @param account the link's account as SQL names it: {@code 'link'@'%'}
 * @param variables global variables by lower-case name; a variable the server does not have is absent
 * @param globalPrivileges privileges held {@code ON *.*}, upper case, in the order given ({@code REPLICATION SLAVE}, {@code ALL
 *     PRIVILEGES})
 * @param probes the outcome of each probe that ran
 */
public record ServerFacts(
        Role role,
        String site,
        String address,
        boolean mariaDb,
        String version,
        String account,
        Map<String, String> variables,
        Set<String> globalPrivileges,
        Map<Probe, ProbeOutcome> probes) {

    public ServerFacts {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(account, "account");
        variables = Map.copyOf(variables);
        globalPrivileges = Collections.unmodifiableSet(new LinkedHashSet<>(globalPrivileges));
        probes = probes.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(probes)); // probe order: reports read the same every run
    }

    /** A global variable's value, or empty when this server has no such variable. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first of {@code names} this server has (MySQL renamed {@code slave_*} to {@code replica_*}). */
    Optional<String> firstPresent(String... names) {
        for (String name : names) {
            if (variables.containsKey(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Whether the account holds {@code privilege} on {@code *.*}, directly, by a role, or as ALL PRIVILEGES. */
    public boolean holds(String privilege) {
        return globalPrivileges.contains(privilege.toUpperCase(Locale.ROOT))
                || globalPrivileges.contains("ALL PRIVILEGES")
                || globalPrivileges.contains("ALL");
    }

    /** The server as a failure names it: address, version and server_id. */
    public String server() {
        return address + ", " + version + ", server_id " + variable("server_id").orElse("?");
    }

    /** The my.cnf line {@code line} in this flavour's server section. */
    String myCnf(String line) {
        return "in my.cnf under " + (mariaDb ? "[mariadb]" : "[mysqld]") + ": " + line;
    }

    /** The fix for a dynamic global variable: set it now and keep it across restarts. */
    String setGlobal(String name, String value) {
        return "SET GLOBAL " + name + "=" + value + "; and " + myCnf(name + "=" + value) + " (kept across restarts)";
    }

    /** The fix for a startup-only variable. */
    String restartWith(String line) {
        return myCnf(line) + ", then restart the server (it cannot be changed while the server runs)";
    }

    /** The GRANT statement giving the link's account {@code privilege}. */
    String grant(String privilege) {
        return "GRANT " + privilege + " ON *.* TO " + account + ";";
    }

    PreflightFailure failure(String item, String actual, String needed, String why, String fix) {
        return new PreflightFailure(role, site, server(), item, actual, needed, why, fix);
    }
}
