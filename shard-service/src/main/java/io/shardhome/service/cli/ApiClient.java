package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Calls the shardhome REST API. Error responses become {@link CliFailure}s whose message is the
 * problem's detail (and, for a bad map, every error with line and column); 4xx is a user error (exit
 * 1), 5xx and connection failures a server error (exit 2). Never prints the token.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final String token;
    private final HttpClient http;

    ApiClient(String base, String token) {
        this(base, token, null, null);
    }

    /** @param trustStore PKCS12 CA certificates to trust for https (null: the JVM's default) */
    ApiClient(String base, String token, Path trustStore, String trustStorePassword) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (trustStore != null) {
            builder.sslContext(sslContext(trustStore, trustStorePassword));
        }
        this.http = builder.build();
    }

    private static SSLContext sslContext(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null || password.isEmpty() ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new CliFailure(
                    ShardhomeCli.USER_ERROR,
                    "cannot use the trust store " + trustStore + " (" + e.getMessage() + "); give a PKCS12 file and"
                            + " its password",
                    e);
        }
    }

    /** A successful response. */
    record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new CliFailure(ShardhomeCli.SERVER_ERROR, "the service answered something that is not JSON", e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Reply send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() >= 400) {
            throw failure(response);
        }
        return new Reply(
                response.statusCode(), response.body(), response.headers().map());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(
                    ShardhomeCli.SERVER_ERROR,
                    "cannot reach the shardhome service at " + base + " ("
                            + e.getClass().getSimpleName()
                            + "); start it with 'shardhome serve' or pass --url / set SHARDHOME_URL",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ShardhomeCli.SERVER_ERROR, "interrupted while calling " + base, e);
        }
    }

    private static CliFailure failure(HttpResponse<String> response) {
        int status = response.statusCode();
        int exit = status >= 500 ? ShardhomeCli.SERVER_ERROR : ShardhomeCli.USER_ERROR;
        StringBuilder message = new StringBuilder();
        try {
            JsonNode problem = JSON.readTree(response.body());
            message.append(problem.path("detail").asText("HTTP " + status));
            message.append(" [")
                    .append(problem.path("code").asText("HTTP_" + status))
                    .append(']');
            for (JsonNode error : problem.path("errors")) {
                message.append('\n').append(errorLine(error));
            }
        } catch (IOException | RuntimeException notAProblem) {
            message.append("HTTP ").append(status).append(" from the service");
        }
        return new CliFailure(exit, message.toString());
    }

    private static String errorLine(JsonNode error) {
        if (error.isTextual()) {
            return "  " + error.asText();
        }
        return "  line " + error.path("line").asInt() + ", column "
                + error.path("column").asInt() + ": " + error.path("message").asText();
    }
}
