package io.shardhome.directory.site;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.map.Names;
import java.util.Locale;
import java.util.Objects;

/**
 * A site and its master endpoint. Holds no credentials: each process brings its own from its own
 * configuration. Immutable.
 *
 * @param name the site name ({@link Names#requireSiteName})
 * @param host the master's host name or address
 * @param port the master's MySQL port (1..65535)
 * @param jdbcParams optional JDBC URL parameters without the leading {@code ?} (empty when none)
 * @param label a free-form region or label (empty when none)
 * @param state the site's state
 */
public record Site(String name, String host, int port, String jdbcParams, String label, SiteState state) {
    public Site {
        try {
            Names.requireSiteName(name);
        } catch (ShardFilterException e) {
            throw new DirectoryException(Code.INVALID_INPUT, e.getMessage(), e);
        }
        if (host == null || host.isBlank()) {
            throw new DirectoryException(Code.INVALID_INPUT, "site '" + name + "' has no master host; give one");
        }
        if (port < 1 || port > 65535) {
            throw new DirectoryException(
                    Code.INVALID_INPUT, "site '" + name + "' has port " + port + "; use a port in 1..65535");
        }
        jdbcParams = jdbcParams == null ? "" : jdbcParams;
        label = label == null ? "" : label;
        state = Objects.requireNonNullElse(state, SiteState.ACTIVE);
        if (jdbcParams.toLowerCase(Locale.ROOT).contains("password")) {
            throw new DirectoryException(
                    Code.INVALID_INPUT,
                    "site '" + name + "' JDBC parameters contain a password; keep credentials in each process's "
                            + "own configuration, never in ZooKeeper");
        }
    }

    /**
     * Checks what registering or updating the site would let into connections: the host is a host name or
     * an IP literal and the JDBC parameters are from {@link SiteAddress#SAFE_PARAMETERS}. Not checked when a
     * stored site is read (a stored site that fails it is refused where a connection is built).
     *
     * @throws DirectoryException {@code INVALID_INPUT} naming the host or parameters and what is allowed
     */
    public Site requireSafeEndpoint() {
        SiteAddress.hostProblem(host)
                .or(() -> SiteAddress.parametersProblem(jdbcParams))
                .ifPresent(problem -> {
                    throw new DirectoryException(Code.INVALID_INPUT, "site '" + name + "': " + problem);
                });
        return this;
    }

    /** An ACTIVE site without JDBC parameters or label. */
    public static Site of(String name, String host, int port) {
        return new Site(name, host, port, "", "", SiteState.ACTIVE);
    }

    public Site withState(SiteState newState) {
        return new Site(name, host, port, jdbcParams, label, newState);
    }

    /** A MySQL-protocol JDBC URL for this master, e.g. {@code jdbc:mariadb://h:3306/acme?x=y}. */
    public String jdbcUrl(String scheme, String schema) {
        String address = host.contains(":") ? "[" + host + "]" : host;
        String base = "jdbc:" + scheme + "://" + address + ":" + port + "/" + (schema == null ? "" : schema);
        return jdbcParams.isEmpty() ? base : base + "?" + jdbcParams;
    }
}
