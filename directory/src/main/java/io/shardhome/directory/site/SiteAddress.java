package io.shardhome.directory.site;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a site's master endpoint may contain, so that nobody who can edit the site registry can steer a
 * shardhome connection (which carries an account with grant rights) somewhere else or switch off its
 * protections: the host is a host name or an IP literal, nothing else, and JDBC parameters come from a
 * short list of connection-tuning keys with plain values. Pure and thread-safe.
 */
public final class SiteAddress {
    /** JDBC URL parameters a site may set: timeouts, socket buffers and TLS protocol/cipher choices only. */
    public static final Set<String> SAFE_PARAMETERS = Set.of(
            "connectTimeout",
            "socketTimeout",
            "tcpKeepAlive",
            "tcpNoDelay",
            "tcpRcvBuf",
            "tcpSndBuf",
            "tlsVersions",
            "tlsCiphersuites",
            "enabledSslProtocolSuites",
            "enabledSslCipherSuites");

    private static final int MAX_HOST = 253;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:,+-]{1,128}");

    private SiteAddress() {}

    /**
     * Why {@code host} is not a host name (letters, digits, {@code -} and {@code _} in dot-separated labels)
     * or an IPv4/IPv6 literal, or empty when it is one.
     */
    public static Optional<String> hostProblem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("the master host is empty; give a host name or an IP address");
        }
        if (host.length() <= MAX_HOST && (isHostName(host) || IPV4.matcher(host).matches() || isIpv6(host))) {
            return Optional.empty();
        }
        return Optional.of("master host '" + printable(host) + "' is not a host name or an IP address; give only"
                + " the name or address (no port, path, '?' or parameters: use the port and jdbcParams fields)");
    }

    /**
     * The parameters of a {@code key=value&key=value} string (empty: none), in order.
     *
     * @throws IllegalArgumentException naming every parameter that is not allowed, and why
     */
    public static Map<String, String> parameters(String jdbcParams) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (jdbcParams != null && !jdbcParams.isEmpty()) {
            for (String pair : jdbcParams.split("&", -1)) {
                parameter(pair, params, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("JDBC parameters " + String.join("; ", problems) + "; allowed keys are "
                    + SAFE_PARAMETERS.stream().sorted().toList() + " with values of letters, digits and . _ : , + -");
        }
        return params;
    }

    /** Why {@code jdbcParams} are not allowed, or empty when they are. */
    public static Optional<String> parametersProblem(String jdbcParams) {
        try {
            parameters(jdbcParams);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void parameter(String pair, Map<String, String> params, List<String> problems) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        if (!SAFE_PARAMETERS.contains(key)) {
            problems.add("'" + printable(key) + "' is not an allowed key");
        } else if (!VALUE.matcher(value).matches()) {
            problems.add("'" + key + "' has a value that is empty or has other characters than letters, digits and"
                    + " . _ : , + -");
        } else if (params.putIfAbsent(key, value) != null) {
            problems.add("'" + key + "' is given twice");
        }
    }

    private static boolean isHostName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static boolean isIpv6(String host) {
        if (!host.contains(":") || !IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal with ':' is parsed, never resolved.
            return InetAddress.getByName(host) != null;
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }

    /** The text with control characters shown as '?', cut to a readable length (it goes into messages). */
    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
