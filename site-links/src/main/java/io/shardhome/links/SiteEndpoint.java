package io.shardhome.links;

import com.github.shyiko.mysql.binlog.network.SSLMode;
import com.github.shyiko.mysql.binlog.network.SSLSocketFactory;
import io.shardhome.directory.site.SiteAddress;
import io.shardhome.filter.map.Names;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach one site's master: the account needs REPLICATION SLAVE and REPLICATION CLIENT (BINLOG
 * MONITOR) at a source, and write access to the user schemas and {@code shardhome} plus BINLOG REPLAY (BINLOG
 * statements, origin server_id) and BINLOG ADMIN (position-only updates that must not be logged) at a target;
 * {@link io.shardhome.links.preflight.LinkPreflight} checks them. Every JDBC session and the binlog stream use
 * {@link #tls()}. The host must be a host name or an IP literal and the JDBC parameters come from {@link
 * SiteAddress#SAFE_PARAMETERS}, so a site registry entry cannot redirect or weaken a connection. Immutable.
 *
 * @param jdbcParams extra JDBC URL parameters from the site registry (safe keys only), in order
 */
public record SiteEndpoint(
        String site, String host, int port, String user, String password, Tls tls, Map<String, String> jdbcParams) {
    public SiteEndpoint {
        Names.requireSiteName(site);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tls, "tls");
        password = password == null ? "" : password;
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of site " + site + " is not a TCP port");
        }
        SiteAddress.hostProblem(host).ifPresent(problem -> {
            throw invalid(site, problem + "; fix the site registry entry");
        });
        String params = String.join(
                "&",
                jdbcParams.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
        SiteAddress.parametersProblem(params).ifPresent(problem -> {
            throw invalid(site, problem + "; fix the site registry entry");
        });
        jdbcParams = Collections.unmodifiableMap(new LinkedHashMap<>(jdbcParams));
    }

    /** An endpoint with TLS {@link Tls#REQUIRED} and no extra JDBC parameters. */
    public SiteEndpoint(String site, String host, int port, String user, String password) {
        this(site, host, port, user, password, Tls.REQUIRED, Map.of());
    }

    /**
     * An endpoint as a site registry entry and a process's own settings describe it.
     *
     * @param jdbcParams {@code key=value&...} from the registry (empty: none)
     * @throws LinkException {@code INVALID_USE} for a host or parameters that are not allowed
     */
    public static SiteEndpoint of(
            String site, String host, int port, String user, String password, Tls tls, String jdbcParams) {
        Map<String, String> params;
        try {
            params = SiteAddress.parameters(jdbcParams);
        } catch (IllegalArgumentException e) {
            throw invalid(site, e.getMessage() + "; fix the site registry entry");
        }
        return new SiteEndpoint(site, host, port, user, password, tls, params);
    }

    /**
     * A mysql-connector-j URL for this master. Sessions run in UTC so TIMESTAMP values (bound as text)
     * keep their instant; server-side prepared statements are off to allow batching rewrites. The site's
     * parameters may change the timeouts; the TLS settings always come last.
     */
    public String jdbcUrl() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("connectionTimeZone", "UTC");
        params.put("forceConnectionTimeZoneToSession", "true");
        params.put("rewriteBatchedStatements", "true");
        params.put("connectTimeout", "5000");
        params.put("socketTimeout", "60000");
        params.put("characterEncoding", "UTF-8");
        params.put("useUnicode", "true");
        params.putAll(jdbcParams);
        params.putAll(tls.jdbcParams());
        StringBuilder url = new StringBuilder("jdbc:mysql://")
                .append(address())
                .append(':')
                .append(port)
                .append("/");
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator)
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** The host as a URL names it: IPv6 literals in brackets. */
    private String address() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static LinkException invalid(String site, String problem) {
        return new LinkException(LinkException.Code.INVALID_USE, "site " + site + ": " + problem);
    }

    @Override
    public String toString() {
        return site + "@" + host + ":" + port;
    }

    /** How a connection to a master is protected, weakest first. */
    public enum SslMode {
        /** Plain text, for a demo on one machine only: the password can be observed or phished. */
        DISABLED,
        /** Encrypted, but any certificate is accepted: protects against listening, not against a rogue server. */
        REQUIRED,
        /** Encrypted, and the server's certificate must be signed by a trusted CA (the trust store). */
        VERIFY_CA,
        /** As VERIFY_CA, and the certificate must name the site's host (a DNS or IP subject alternative name). */
        VERIFY_IDENTITY
    }

    /**
     * The TLS settings of the connections to one site. Immutable.
     *
     * @param trustStore the CA certificates to trust (PKCS12 or JKS file); null: the JVM's default trust store
     * @param trustStoreType {@code PKCS12} or {@code JKS}
     * @param trustStorePassword the trust store's password (empty: none; a trust store holds no secret)
     */
    public record Tls(SslMode mode, Path trustStore, String trustStoreType, String trustStorePassword) {
        public static final Tls DISABLED = new Tls(SslMode.DISABLED, null, null, null);
        public static final Tls REQUIRED = new Tls(SslMode.REQUIRED, null, null, null);

        public Tls {
            Objects.requireNonNull(mode, "mode");
            trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType.trim();
            trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
            if (trustStore != null && mode.compareTo(SslMode.VERIFY_CA) < 0) {
                throw new LinkException(
                        LinkException.Code.INVALID_USE,
                        "a trust store is set but ssl-mode is " + mode + ", which does not check certificates; use"
                                + " VERIFY_CA or VERIFY_IDENTITY");
            }
        }

        /** Verification against a CA: {@code VERIFY_CA} or {@code VERIFY_IDENTITY}. */
        public boolean verifies() {
            return mode.compareTo(SslMode.VERIFY_CA) >= 0;
        }

        /** Connector/J parameters for these settings. */
        Map<String, String> jdbcParams() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("sslMode", mode.name());
            if (mode == SslMode.DISABLED) {
                // Only for plain demo connections: MySQL 8's caching_sha2 then needs the server's RSA key.
                params.put("allowPublicKeyRetrieval", "true");
            }
            if (trustStore != null) {
                params.put("trustCertificateKeyStoreUrl", trustStore.toUri().toString());
                params.put("trustCertificateKeyStoreType", trustStoreType);
                if (!trustStorePassword.isEmpty()) {
                    params.put("trustCertificateKeyStorePassword", trustStorePassword);
                }
                params.put("fallbackToSystemTrustStore", "false");
            }
            return params;
        }

        /**
         * The binlog client's mode. VERIFY_IDENTITY maps to VERIFY_CA because {@link #binlogSocketFactory}
         * checks the identity itself against the configured host name (the client would check the reverse
         * DNS name of the address instead).
         */
        public SSLMode binlogMode() {
            return switch (mode) {
                case DISABLED -> SSLMode.DISABLED;
                case REQUIRED -> SSLMode.REQUIRED;
                case VERIFY_CA, VERIFY_IDENTITY -> SSLMode.VERIFY_CA;
            };
        }

        /** The socket factory the binlog client verifies certificates with; empty when it does not verify. */
        public Optional<SSLSocketFactory> binlogSocketFactory(String host, int port) {
            return verifies() ? Optional.of(new VerifyingSocketFactory(this, host, port)) : Optional.empty();
        }

        SSLContext sslContext() throws GeneralSecurityException, IOException {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(trustStoreType);
                try (InputStream in = Files.newInputStream(trustStore)) {
                    store.load(in, trustStorePassword.isEmpty() ? null : trustStorePassword.toCharArray());
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }

        @Override
        public String toString() {
            return "Tls[" + mode + (trustStore == null ? "" : ", trustStore=" + trustStore) + "]";
        }
    }

    /** Upgrades the binlog client's socket, trusting the site's CA and (VERIFY_IDENTITY) checking its name. */
    private record VerifyingSocketFactory(Tls tls, String host, int port) implements SSLSocketFactory {
        @Override
        public SSLSocket createSocket(Socket socket) throws SocketException {
            try {
                SSLSocket ssl = (SSLSocket) tls.sslContext().getSocketFactory().createSocket(socket, host, port, true);
                if (tls.mode() == SslMode.VERIFY_IDENTITY) {
                    SSLParameters parameters = ssl.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    ssl.setSSLParameters(parameters);
                }
                return ssl;
            } catch (GeneralSecurityException | IOException e) {
                SocketException failure = new SocketException("TLS to " + host + ":" + port + " could not be set up ("
                        + e.getMessage() + "); check the trust" + " store " + tls.trustStore());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
