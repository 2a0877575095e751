package io.shardhome.links.preflight;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.preflight.PreflightFailure.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks a link runs against its source and target masters before it reads or applies anything, at
 * link start and on every reconnect: binlog settings of the source, replica settings of the target that
 * act on BINLOG replay, distinct server and GTID domain ids, max_allowed_packet, and the link accounts'
 * privileges (tested by running harmless statements). Each failure names the site and server, the variable
 * or privilege, its value, the value needed and the statement or my.cnf line that fixes it; see {@link
 * SourceRequirements}, {@link TargetRequirements} and {@link PairRequirements} for why each check exists.
 *
 * <pre>{@code
 * LinkPreflight.verify(config.source(), config.target()); // throws PREFLIGHT_FAILED, or *_UNAVAILABLE
 * }</pre>
 *
 * <p>Stateless and thread-safe. The endpoint methods open (and close) one session per master of their own.
 */
public final class LinkPreflight {
    private static final Logger LOG = LoggerFactory.getLogger(LinkPreflight.class);
    /** Login refusals: ER_ACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR, ER_HOST_NOT_PRIVILEGED. */
    private static final Set<Integer> LOGIN_REFUSED = Set.of(1045, 1044, 1130);

    private LinkPreflight() {}

    /**
     * Checks both masters of a link; empty when all is well.
     *
     * @throws LinkException {@code SOURCE_UNAVAILABLE} / {@code TARGET_UNAVAILABLE} (transient: retry) when a
     *     master cannot be reached or its session fails; a refused login is a failure in the list (the
     *     other master's own requirements are still checked)
     */
    public static List<PreflightFailure> check(SiteEndpoint source, SiteEndpoint target) {
        List<PreflightFailure> failures = new ArrayList<>();
        Connection sourceSession = open(source, Role.SOURCE, failures);
        try {
            Connection targetSession = open(target, Role.TARGET, failures);
            try {
                if (sourceSession != null && targetSession != null) {
                    return check(sourceSession, source, targetSession, target);
                }
                if (sourceSession != null) {
                    failures.addAll(SourceRequirements.evaluate(read(sourceSession, source, Role.SOURCE)));
                }
                if (targetSession != null) {
                    failures.addAll(TargetRequirements.evaluate(read(targetSession, target, Role.TARGET)));
                }
                return List.copyOf(failures);
            } finally {
                close(targetSession, target);
            }
        } finally {
            close(sourceSession, source);
        }
    }

    /**
     * Checks both masters over sessions the caller owns (fresh ones of the link's accounts; the probes put
     * back what they change). Empty when all is well.
     *
     * @throws LinkException {@code SOURCE_UNAVAILABLE} / {@code TARGET_UNAVAILABLE} when a session fails
     */
    public static List<PreflightFailure> check(
            Connection sourceSession, SiteEndpoint source, Connection targetSession, SiteEndpoint target) {
        return evaluate(read(sourceSession, source, Role.SOURCE), read(targetSession, target, Role.TARGET));
    }

    /** The failures of a source and target as read; the decisions alone, without I/O. */
    public static List<PreflightFailure> evaluate(ServerFacts source, ServerFacts target) {
        List<PreflightFailure> failures = new ArrayList<>(SourceRequirements.evaluate(source));
        failures.addAll(PairRequirements.evaluate(source, target));
        failures.addAll(TargetRequirements.evaluate(target));
        return List.copyOf(failures);
    }

    /**
     * {@link #check(SiteEndpoint, SiteEndpoint)}, throwing when anything failed.
     *
     * @throws LinkException {@code PREFLIGHT_FAILED} naming every failure; {@code SOURCE_UNAVAILABLE} /
     *     {@code TARGET_UNAVAILABLE} when a master cannot be reached
     */
    public static void verify(SiteEndpoint source, SiteEndpoint target) {
        List<PreflightFailure> failures = check(source, target);
        if (!failures.isEmpty()) {
            throw failure(source, target, failures);
        }
    }

    /** The {@code PREFLIGHT_FAILED} error of a link whose checks failed, one numbered line per failure. */
    public static LinkException failure(SiteEndpoint source, SiteEndpoint target, List<PreflightFailure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no preflight failure to report for " + source + " -> " + target);
        }
        StringBuilder message = new StringBuilder("link ")
                .append(source.site())
                .append(" -> ")
                .append(target.site())
                .append(" cannot start: ")
                .append(failures.size())
                .append(failures.size() == 1 ? " requirement is" : " requirements are")
                .append(" not met (checked at every start and reconnect; fix, then resume the link):");
        for (int i = 0; i < failures.size(); i++) {
            message.append("\n  ")
                    .append(i + 1)
                    .append(". ")
                    .append(failures.get(i).message());
        }
        return new LinkException(Code.PREFLIGHT_FAILED, message.toString());
    }

    private static ServerFacts read(Connection session, SiteEndpoint endpoint, Role role) {
        try {
            return ServerFactsReader.read(session, role, endpoint.site(), address(endpoint));
        } catch (SQLException e) {
            throw unavailable(role, endpoint, e);
        }
    }

    /** A session, or null after adding the failure when the server refused the login. */
    private static Connection open(SiteEndpoint endpoint, Role role, List<PreflightFailure> failures) {
        try {
            return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
        } catch (SQLException e) {
            if (!LOGIN_REFUSED.contains(e.getErrorCode())) {
                throw unavailable(role, endpoint, e);
            }
            failures.add(new PreflightFailure(
                    role,
                    endpoint.site(),
                    address(endpoint),
                    "login of " + endpoint.user(),
                    "refused: " + e.getMessage(),
                    "a login for the link's account from the link's host",
                    "the link works through this account",
                    "CREATE USER '" + endpoint.user() + "'@'<link host>' IDENTIFIED BY '<password>' (or correct"
                            + " the password in the link's configuration), then grant what the other checks name"));
            return null;
        }
    }

    private static void close(Connection session, SiteEndpoint endpoint) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.warn("closing the preflight session at {} failed: {}", endpoint, e.toString());
        }
    }

    private static LinkException unavailable(Role role, SiteEndpoint endpoint, SQLException e) {
        return new LinkException(
                role == Role.SOURCE ? Code.SOURCE_UNAVAILABLE : Code.TARGET_UNAVAILABLE,
                "cannot check " + role.label() + " master " + endpoint + " before the link starts: " + e.getMessage()
                        + "; the link retries until it is reachable",
                e);
    }

    private static String address(SiteEndpoint endpoint) {
        return endpoint.host() + ":" + endpoint.port();
    }
}
