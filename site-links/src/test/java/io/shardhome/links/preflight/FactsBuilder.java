package io.shardhome.links.preflight;

import io.shardhome.links.preflight.PreflightFailure.Role;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link ServerFacts} of a master that meets every requirement, to be spoiled one setting at a time. */
final class FactsBuilder {
    private final Role role;
    private final String site;
    private final boolean mariaDb;
    private String version;
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> privileges = new LinkedHashSet<>(List.of("ALL PRIVILEGES"));
    private final Map<Probe, ProbeOutcome> probes = new EnumMap<>(Probe.class);

    private FactsBuilder(Role role, String site, boolean mariaDb, int id) {
        this.role = role;
        this.site = site;
        this.mariaDb = mariaDb;
        this.version = mariaDb ? "11.4.5-MariaDB-log" : "8.0.40";
        variables.putAll(Map.of(
                "log_bin", "ON",
                "binlog_format", "ROW",
                "server_id", String.valueOf(id),
                "max_allowed_packet", "16777216",
                "slave_exec_mode", "STRICT",
                "slave_type_conversions", "",
                "slave_skip_errors", "OFF",
                "read_only", "OFF"));
        if (mariaDb) {
            variables.putAll(Map.of(
                    "log_bin_compress", "OFF",
                    "binlog_alter_two_phase", "OFF",
                    "gtid_domain_id", String.valueOf(id),
                    "slave_run_triggers_for_rbr", "NO",
                    "secure_timestamp", "NO"));
        } else {
            variables.putAll(Map.of(
                    "gtid_mode", "ON",
                    "enforce_gtid_consistency", "ON",
                    "binlog_transaction_compression", "OFF",
                    "binlog_row_value_options", "",
                    "server_uuid", "3e11fa47-71ca-11e1-9e33-c80aa9429" + (100 + id),
                    "super_read_only", "OFF"));
        }
        Probe.of(role, mariaDb).forEach(p -> probes.put(p, ProbeOutcome.OK));
    }

    static FactsBuilder mariaDbSource() {
        return new FactsBuilder(Role.SOURCE, "nyc", true, 1);
    }

    static FactsBuilder mariaDbTarget() {
        return new FactsBuilder(Role.TARGET, "sjc", true, 2);
    }

    static FactsBuilder mySqlSource() {
        return new FactsBuilder(Role.SOURCE, "nyc", false, 1);
    }

    static FactsBuilder mySqlTarget() {
        return new FactsBuilder(Role.TARGET, "sjc", false, 2);
    }

    FactsBuilder with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    FactsBuilder without(String variable) {
        variables.remove(variable);
        return this;
    }

    FactsBuilder version(String newVersion) {
        version = newVersion;
        return this;
    }

    FactsBuilder privileges(String... granted) {
        privileges.clear();
        privileges.addAll(List.of(granted));
        return this;
    }

    FactsBuilder refused(Probe probe, int errorCode, String message) {
        probes.put(probe, new ProbeOutcome(errorCode, message));
        return this;
    }

    /** The probe refused as MariaDB refuses a missing privilege. */
    FactsBuilder denied(Probe probe, String privilege) {
        return refused(
                probe,
                1227,
                "Access denied; you need (at least one of) the " + privilege + " privilege(s) for this operation");
    }

    ServerFacts build() {
        return new ServerFacts(
                role,
                site,
                "127.0.0.1:" + (role == Role.SOURCE ? 3306 : 3307),
                mariaDb,
                version,
                "'link'@'%'",
                variables,
                privileges,
                probes);
    }
}
