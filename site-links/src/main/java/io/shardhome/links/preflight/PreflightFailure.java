package io.shardhome.links.preflight;

import java.util.Locale;
import java.util.Objects;

/**
 * One requirement of a link that a master does not meet: which end of the link, which site and server,
 * the variable or privilege, its value there, the value needed, why the link needs it, and the statement
 * or my.cnf line that fixes it. Immutable.
 *
 * @param role the end of the link the server is
 * @param site the site's name
 * @param server how the link reached the server and what it reported (address, version, server_id)
 * @param item the variable ({@code binlog_format}) or privilege ({@code privilege BINLOG REPLAY})
 * @param actual its value at the server ({@code ""} for an empty value)
 * @param needed the value the link needs
 * @param why why the link needs it, in one sentence
 * @param fix the statement(s) or my.cnf line(s) that fix it
 */
public record PreflightFailure(
        Role role, String site, String server, String item, String actual, String needed, String why, String fix) {

    /** The end of a link a server is. */
    public enum Role {
        SOURCE,
        TARGET;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PreflightFailure {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(needed, "needed");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * One line for an operator, e.g. {@code source nyc (127.0.0.1:3306, 11.4.5-MariaDB, server_id 1):
     * binlog_format is MIXED, needs ROW. Why: ... Fix: SET GLOBAL binlog_format=ROW; ...}.
     */
    public String message() {
        return role.label() + " " + site + " (" + server + "): " + item + " is " + shown(actual) + ", needs " + needed
                + ". Why: " + why + ". Fix: " + fix;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "'' (empty)" : value;
    }
}
