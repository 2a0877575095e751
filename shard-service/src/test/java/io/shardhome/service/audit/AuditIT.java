package io.shardhome.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.Test;

class AuditIT extends ServiceTestSupport {

    @Test
    void auditNamesTheCallerAndTheChangeNewestFirst() {
        String first = uniqueShard("audited");
        String second = uniqueShard("audited");
        admin.putJson("/api/v1/shards/" + first, "{\"home\":\"sjc\"}");
        admin.putJson("/api/v1/shards/" + second, "{\"home\":\"nyc\"}");

        JsonNode records = reader.get("/api/v1/audit?limit=2").json();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("actor").asText()).isEqualTo("api:ops");
        assertThat(records.get(0).path("action").asText()).isEqualTo("shard.create");
        assertThat(records.get(0).toString()).contains("shard:" + second);
        assertThat(records.get(1).toString()).contains("shard:" + first);
        assertThat(records.get(0).path("mapVersion").asLong())
                .isGreaterThan(records.get(1).path("mapVersion").asLong());
    }
}
