package io.shardhome.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.filter.csv.ShardMapCsv;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shard list}: the map as CSV, the same format {@code shard import} reads. */
@Command(name = "list", description = "Print the shard map as CSV (feed it back with 'shard import' unchanged).")
final class ShardListCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--home", description = "only shards homed at this site (or #LOCAL)")
    String home;

    @Option(
            names = {"-q", "--query"},
            description = "only shards whose id contains this text")
    String query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ApiClient api = connection.client();
        if (home == null && query == null) {
            spec.commandLine().getOut().print(api.get("/api/v1/shard-map").body());
        } else {
            spec.commandLine().getOut().print(ShardMapCsv.toCsv(filtered(api)));
        }
        spec.commandLine().getOut().flush();
        return ShardhomeCli.OK;
    }

    private ShardMap filtered(ApiClient api) {
        List<ShardDefinition> shards = new ArrayList<>();
        long version = 0;
        for (int page = 0; ; page++) {
            JsonNode body = api.get(
                            "/api/v1/shards?size=" + PAGE + "&page=" + page + param("home", home) + param("q", query))
                    .json();
            version = body.path("mapVersion").asLong();
            for (JsonNode item : body.path("items")) {
                shards.add(ShardDefinition.of(
                        item.path("shard").asText(),
                        item.path("home").asText(),
                        item.path("critical").asBoolean()));
            }
            if ((long) (page + 1) * PAGE >= body.path("total").asLong()) {
                return ShardMap.of(version, shards);
            }
        }
    }

    private static String param(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
