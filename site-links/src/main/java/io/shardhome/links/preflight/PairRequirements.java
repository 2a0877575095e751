package io.shardhome.links.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a link needs of its two masters together; each failure is reported at the target (where the link
 * applies and where the fix is usually made). Pure: judges {@link ServerFacts}.
 */
final class PairRequirements {
    private PairRequirements() {}

    static List<PreflightFailure> evaluate(ServerFacts source, ServerFacts target) {
        List<PreflightFailure> failures = new ArrayList<>();
        if (source.mariaDb() != target.mariaDb()) {
            failures.add(target.failure(
                    "server kind",
                    target.version(),
                    "the same kind as source " + source.site() + " (" + source.version() + ")",
                    "rows are replayed as the source's own binlog events, which only a server of the same kind reads",
                    "link MariaDB sites to MariaDB sites and MySQL sites to MySQL sites"));
            return failures;
        }
        distinct(source, target, "server_id", serverIdWhy(), failures);
        if (source.mariaDb()) {
            distinct(source, target, "gtid_domain_id", domainWhy(), failures);
        } else {
            distinctUuid(source, target, failures);
        }
        maxAllowedPacket(source, target, failures);
        return failures;
    }

    /** server_id: the applier marks applied transactions with the source's id (origin). */
    private static String serverIdWhy() {
        return "the applier marks each transaction it applies with the source's server_id; with one id at both"
                + " ends the reverse link cannot tell the link's transactions from local writes";
    }

    /**
     * MariaDB gtid_domain_id: each site writes its GTIDs in a domain of its own; two sites in one domain
     * interleave sequence numbers, and a link resuming from a position in that domain can skip transactions.
     */
    private static String domainWhy() {
        return "each site must write its GTIDs in a domain of its own: two sites in one domain interleave"
                + " sequence numbers, and a link resuming by GTID position can then skip transactions";
    }

    private static void distinct(
            ServerFacts source, ServerFacts target, String name, String why, List<PreflightFailure> failures) {
        Optional<String> theirs = source.variable(name);
        Optional<String> ours = target.variable(name);
        if (theirs.isPresent() && ours.isPresent() && !theirs.get().equals(ours.get())) {
            return;
        }
        String shared = ours.orElse(Expect.NOT_REPORTED);
        failures.add(target.failure(
                name,
                shared,
                "a value other than source " + source.site() + "'s (" + theirs.orElse(Expect.NOT_REPORTED)
                        + "), unique among all sites",
                why,
                target.setGlobal(name, "<a number no other site uses>")));
    }

    /** MySQL: server_uuid names the GTIDs a server writes; a cloned data directory copies it (auto.cnf). */
    private static void distinctUuid(ServerFacts source, ServerFacts target, List<PreflightFailure> failures) {
        Optional<String> uuid = target.variable("server_uuid");
        if (uuid.isPresent() && !uuid.equals(source.variable("server_uuid"))) {
            return;
        }
        failures.add(target.failure(
                "server_uuid",
                uuid.orElse(Expect.NOT_REPORTED),
                "a value other than source " + source.site() + "'s",
                "server_uuid names the GTIDs a MySQL server writes; two servers with one uuid write the same GTIDs",
                "stop the server, delete auto.cnf in its data directory (a cloned data directory copied it) and"
                        + " start it: it generates a new server_uuid"));
    }

    /**
     * Target {@code max_allowed_packet} at least the source's: DDL is re-run as the text the source
     * accepted, and row events travel base64-encoded (4/3 of their size), in one BINLOG statement or two
     * fragments of at most max_allowed_packet each ({@code BINLOG @binlog_fragment_0, @binlog_fragment_1}),
     * so one event of up to 1.5 times the target's max_allowed_packet fits. A larger single event (one row
     * with several large BLOBs) must still stop the link, naming its size.
     */
    private static void maxAllowedPacket(ServerFacts source, ServerFacts target, List<PreflightFailure> failures) {
        long needed = number(source, "max_allowed_packet");
        long actual = number(target, "max_allowed_packet");
        if (actual >= needed) {
            return;
        }
        failures.add(target.failure(
                "max_allowed_packet",
                target.variable("max_allowed_packet").orElse(Expect.NOT_REPORTED),
                "at least " + needed + " (source " + source.site() + "'s)",
                "every statement the source accepted must fit at the target: DDL is re-run as its text, row"
                        + " events travel base64-encoded (4/3 of their size)",
                target.setGlobal("max_allowed_packet", String.valueOf(needed))
                        + "; the link's sessions get it when they reconnect"));
    }

    private static long number(ServerFacts facts, String name) {
        try {
            return Long.parseLong(facts.variable(name).orElse("-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
