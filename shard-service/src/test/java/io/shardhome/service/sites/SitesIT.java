package io.shardhome.service.sites;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

class SitesIT extends ServiceTestSupport {

    @Test
    void registeredSiteIsListedWithEndpointRegionAndState() {
        Api.Reply created = admin.putJson(
                "/api/v1/sites/lon",
                "{\"host\":\"db.lon\",\"port\":3310,\"region\":\"eu-west\",\"state\":\"DRAINING\"}");

        assertThat(created.status()).isIn(200, 201);
        Api.Reply one = reader.get("/api/v1/sites/lon");
        assertThat(one.json().path("host").asText()).isEqualTo("db.lon");
        assertThat(one.json().path("port").asInt()).isEqualTo(3310);
        assertThat(one.json().path("region").asText()).isEqualTo("eu-west");
        assertThat(one.json().path("state").asText()).isEqualTo("DRAINING");
        assertThat(reader.get("/api/v1/sites").body()).contains("\"lon\"", "\"nyc\"", "\"sjc\"");
    }

    @Test
    void unknownSiteIs404() {
        Api.Reply missing = reader.get("/api/v1/sites/atlantis");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("SITE_NOT_FOUND");
        assertThat(admin.delete("/api/v1/sites/atlantis").status()).isEqualTo(404);
    }

    @Test
    void siteWithBadPortIs400() {
        Api.Reply refused = admin.putJson("/api/v1/sites/bad", "{\"host\":\"h\",\"port\":70000}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString()).contains("port");
    }

    @Test
    void jdbcParamsWithAPasswordAreRefusedWithoutEchoingIt() {
        Api.Reply refused = admin.putJson(
                "/api/v1/sites/leaky", "{\"host\":\"h\",\"port\":3306,\"jdbcParams\":\"user=app&password=hunter2\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("hunter2");
    }

    @Test
    void aHostWithUrlPartsIs400AndJdbcParametersComeFromASafeList() {
        Api.Reply injected = admin.putJson(
                "/api/v1/sites/rogue", "{\"host\":\"h:3316/?allowLoadLocalInfile=true&x=\",\"port\":3306}");
        Api.Reply unsafe = admin.putJson(
                "/api/v1/sites/rogue", "{\"host\":\"db.rogue\",\"port\":3306,\"jdbcParams\":\"sslMode=DISABLED\"}");
        Api.Reply tuned = admin.putJson(
                "/api/v1/sites/tuned", "{\"host\":\"10.1.2.3\",\"port\":3306,\"jdbcParams\":\"socketTimeout=9000\"}");

        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.code()).isEqualTo("INVALID_INPUT");
        assertThat(injected.json().path("detail").asText()).contains("is not a host name or an IP address");
        assertThat(unsafe.status()).isEqualTo(400);
        assertThat(unsafe.json().path("detail").asText()).contains("'sslMode' is not an allowed key");
        assertThat(reader.get("/api/v1/sites/rogue").status()).isEqualTo(404);
        assertThat(tuned.status()).isIn(200, 201);
    }

    @Test
    void siteThatIsHomeOfShardsCannotBeRemoved() {
        admin.putJson("/api/v1/sites/tok", "{\"host\":\"db.tok\",\"port\":3306}");
        String shard = uniqueShard("tokyo");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"tok\"}");

        Api.Reply refused = admin.delete("/api/v1/sites/tok");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SITE_IN_USE");
        admin.delete("/api/v1/shards/" + shard);
        assertThat(admin.delete("/api/v1/sites/tok").status()).isEqualTo(204);
        assertThat(reader.get("/api/v1/sites/tok").status()).isEqualTo(404);
    }
}
