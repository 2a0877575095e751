package io.shardhome.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the service under test: no mock MVC, every call goes over loopback. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String token;
    private final Map<String, String> headers;

    private Api(String base, String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    public static Api at(int port, String token) {
        return new Api("http://127.0.0.1:" + port, token, Map.of());
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, token, more);
    }

    public Api withToken(String otherToken) {
        return new Api(base, otherToken, headers);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply putJson(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public Reply putCsv(String path, String csv) {
        return send("PUT", path, "text/csv", csv);
    }

    public Reply postCsv(String path, String csv) {
        return send("POST", path, "text/csv", csv);
    }

    public Reply send(String method, String path, String contentType, String body) {
        return exchange(
                method,
                path,
                contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends exactly these bytes as the body (e.g. ones that are not UTF-8). */
    public Reply sendBytes(String method, String path, String contentType, byte[] body) {
        return exchange(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private Reply exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(java.time.Duration.ofSeconds(60))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", token.contains(":") ? basic(token) : "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String basic(String userColonPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes());
    }

    /** A response with helpers for JSON bodies and headers. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The problem {@code code} of an error response. */
        public String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
