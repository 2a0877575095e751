package io.shardhome.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityIT extends ServiceTestSupport {

    @Test
    void healthNeedsNoCredentials() {
        Api.Reply health = anonymous.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/shards",
        "/api/v1/sites",
        "/api/v1/lookup/acme",
        "/api/v1/shard-map",
        "/api/v1/audit",
        "/actuator/prometheus",
        "/v3/api-docs"
    })
    void everythingElseNeedsCredentials(String path) {
        Api.Reply refused = anonymous.get(path);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void whoamiNamesTheCallersRole() {
        assertThat(admin.get("/api/v1/whoami").json().path("role").asText()).isEqualTo("admin");
        assertThat(reader.get("/api/v1/whoami").json().path("role").asText()).isEqualTo("reader");
        assertThat(anonymous.get("/api/v1/whoami").status()).isEqualTo(401);
    }

    @Test
    void unknownTokenIs401() {
        assertThat(Api.at(port, "not-a-token").get("/api/v1/shards").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "PUT, /api/v1/shards/acme, application/json, {\"home\":\"sjc\"}",
        "DELETE, /api/v1/shards/acme, , ",
        "PUT, /api/v1/sites/zzz, application/json, {\"host\":\"h\"\\,\"port\":1}",
        "PUT, /api/v1/shard-map, text/csv, shard_id master critical",
        "POST, /api/v1/shard-map, text/csv, shard_id master critical"
    })
    void readerMayNotWrite(String method, String path, String contentType, String body) {
        Api.Reply refused = reader.send(method, path, contentType, body);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(refused.json().path("detail").asText()).contains("admin");
    }

    @Test
    void readerMayReadLookupMetricsAndApiDocs() {
        assertThat(reader.get("/api/v1/shards").status()).isEqualTo(200);
        assertThat(reader.get("/actuator/prometheus").body()).contains("shardhome_map_version");
        assertThat(reader.get("/v3/api-docs").json().path("paths").has("/api/v1/lookup/{shard}"))
                .isTrue();
    }

    @Test
    void basicUserFromConfigurationAuthenticatesWithItsRole() {
        Api auditor = Api.at(port, basicAuditor());

        assertThat(auditor.get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(auditor.delete("/api/v1/shards/acme").status()).isEqualTo(403);
        assertThat(Api.at(port, "auditor:wrong").get("/api/v1/sites").status()).isEqualTo(401);
    }

    @Test
    void healthDetailsAreShownOnlyToAuthenticatedCallers() {
        assertThat(anonymous.get("/actuator/health").json().has("components")).isFalse();
        assertThat(reader.get("/actuator/health")
                        .json()
                        .path("components")
                        .path("directory")
                        .path("details")
                        .has("mapVersion"))
                .isTrue();
    }

    @Test
    void unknownPathIsAProblemWithACode() {
        Api.Reply missing = reader.get("/api/v1/nothing-here");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
    }
}
