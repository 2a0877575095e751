package io.shardhome.links.preflight;

import io.shardhome.links.preflight.PreflightFailure.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link ServerFacts} over one JDBC session: version, the global variables the requirements look at,
 * {@code CURRENT_USER()}, {@code SHOW GRANTS}, then runs the role's {@link Probe}s. The probes leave the
 * session's variables as they found them; still, give it a session of its own, not one that applies.
 */
final class ServerFactsReader {
    /** Every variable a requirement reads, both flavours; a server lacking one simply does not report it. */
    static final List<String> VARIABLES = List.of(
            "log_bin",
            "binlog_format",
            "log_bin_compress",
            "binlog_alter_two_phase",
            "gtid_mode",
            "enforce_gtid_consistency",
            "binlog_transaction_compression",
            "binlog_row_value_options",
            "server_id",
            "gtid_domain_id",
            "server_uuid",
            "max_allowed_packet",
            "slave_exec_mode",
            "replica_exec_mode",
            "slave_run_triggers_for_rbr",
            "slave_type_conversions",
            "replica_type_conversions",
            "slave_skip_errors",
            "replica_skip_errors",
            "read_only",
            "super_read_only",
            "secure_timestamp");

    private ServerFactsReader() {}

    /**
     * @throws SQLException when the session fails (connection lost, not a refused probe: refusals are
     *     outcomes)
     */
    static ServerFacts read(Connection session, Role role, String site, String address) throws SQLException {
        String version = single(session, "SELECT VERSION()");
        boolean mariaDb = version.contains("MariaDB");
        Map<String, String> variables = variables(session);
        String account = Privileges.account(single(session, "SELECT CURRENT_USER()"));
        List<String> grants = column(session, "SHOW GRANTS");
        Map<Probe, ProbeOutcome> probes = new EnumMap<>(Probe.class);
        for (Probe probe : Probe.of(role, mariaDb)) {
            probes.put(probe, run(session, probe, version));
        }
        return new ServerFacts(
                role, site, address, mariaDb, version, account, variables, Privileges.global(grants), probes);
    }

    private static Map<String, String> variables(Connection session) throws SQLException {
        String names = VARIABLES.stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        Map<String, String> variables = new HashMap<>();
        try (Statement s = session.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + names + ")")) {
            while (rs.next()) {
                String value = rs.getString(2);
                variables.put(rs.getString(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
            }
        }
        return variables;
    }

    private static ProbeOutcome run(Connection session, Probe probe, String version) throws SQLException {
        try (Statement s = session.createStatement()) {
            try {
                s.execute(probe.sql(version));
                return ProbeOutcome.OK;
            } catch (SQLException refused) {
                if (isSessionFailure(refused)) {
                    throw refused;
                }
                return new ProbeOutcome(refused.getErrorCode(), String.valueOf(refused.getMessage()));
            } finally {
                if (!probe.undo().isEmpty()) {
                    s.execute(probe.undo());
                }
            }
        }
    }

    /** A lost connection or timeout says nothing about the account: it must not read as a refusal. */
    private static boolean isSessionFailure(SQLException e) {
        String state = e.getSQLState();
        return e.getErrorCode() == 0 || (state != null && state.startsWith("08"));
    }

    private static String single(Connection session, String sql) throws SQLException {
        List<String> values = column(session, sql);
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static List<String> column(Connection session, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = session.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
