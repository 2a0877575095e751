package io.shardhome.service.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL and ETag helpers of the CLI. */
final class Paths {
    private Paths() {}

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The map version from a response's ETag ({@code "42"}), or {@code ?} when absent. */
    static String version(ApiClient.Reply reply) {
        String etag = reply.header("ETag");
        return etag == null ? "?" : etag.replace("\"", "");
    }
}
