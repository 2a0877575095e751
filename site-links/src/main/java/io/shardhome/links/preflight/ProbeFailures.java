package io.shardhome.links.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns refused {@link Probe}s into failures: a refusal for a privilege (error 1227) names the privilege
 * and its GRANT, once per privilege however many probes it refused; {@code secure_timestamp=YES} names
 * the variable; anything else names the statement and the server's own message. Pure.
 */
final class ProbeFailures {
    /** ER_OPTION_PREVENTS_STATEMENT: "The MariaDB server is running with the --X option ...". */
    private static final int OPTION_PREVENTS_STATEMENT = 1290;

    private ProbeFailures() {}

    static List<PreflightFailure> of(ServerFacts facts) {
        List<PreflightFailure> failures = new ArrayList<>();
        Map<String, List<Probe>> deniedByPrivilege = new LinkedHashMap<>();
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        facts.probes().forEach((probe, outcome) -> {
            if (outcome.ok() || isLogBinsConcern(probe, outcome)) {
                return;
            }
            List<String> needed = Privileges.neededBy(outcome.message());
            if (outcome.errorCode() == ProbeOutcome.ACCESS_DENIED && !needed.isEmpty()) {
                String privilege = Privileges.toGrant(needed);
                deniedByPrivilege
                        .computeIfAbsent(privilege, p -> new ArrayList<>())
                        .add(probe);
                alternatives.put(privilege, needed);
            } else if (outcome.errorCode() == OPTION_PREVENTS_STATEMENT
                    && outcome.message().contains("secure-timestamp")) {
                failures.add(secureTimestamp(facts, probe));
            } else {
                failures.add(refused(facts, probe, outcome));
            }
        });
        deniedByPrivilege.forEach((privilege, probes) ->
                failures.add(missingPrivilege(facts, privilege, alternatives.get(privilege), probes)));
        return failures;
    }

    /** SHOW BINARY LOGS fails on a server without a binlog; the log_bin requirement reports that. */
    private static boolean isLogBinsConcern(Probe probe, ProbeOutcome outcome) {
        return probe == Probe.BINLOG_POSITIONS && outcome.errorCode() == ProbeOutcome.NO_BINARY_LOGGING;
    }

    private static PreflightFailure missingPrivilege(
            ServerFacts facts, String privilege, List<String> needed, List<Probe> probes) {
        String refused = probes.stream().map(Probe::statement).collect(Collectors.joining(" and "));
        String why = probes.stream().map(Probe::why).collect(Collectors.joining("; "));
        return facts.failure(
                "privilege " + privilege + " of " + facts.account(),
                "missing (" + refused + " refused with error 1227)",
                needed.size() == 1 ? privilege : "one of " + String.join(", ", needed),
                why,
                facts.grant(privilege));
    }

    private static PreflightFailure secureTimestamp(ServerFacts facts, Probe probe) {
        return facts.failure(
                "secure_timestamp",
                facts.variable("secure_timestamp").orElse("YES"),
                "NO, or REPLICATION with BINLOG REPLAY for the link's account",
                probe.why(),
                facts.restartWith("secure_timestamp=REPLICATION") + "; and " + facts.grant("BINLOG REPLAY"));
    }

    private static PreflightFailure refused(ServerFacts facts, Probe probe, ProbeOutcome outcome) {
        return facts.failure(
                "statement " + probe.statement(),
                "refused with error " + outcome.errorCode() + ": " + outcome.message(),
                "to run for " + facts.account(),
                probe.why(),
                "make the server accept it for the link's account, as its message says");
    }
}
