package io.shardhome.filter.rules;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The shard map and helpers the rule tables share: sites nyc, sjc and lon. */
final class RulesFixture {
    static final String GTID = "0-1-42";

    static final ShardMap MAP = ShardMap.of(
            7,
            ShardDefinition.of("acme", "sjc", false),
            ShardDefinition.of("pinnacle", "nyc", false),
            ShardDefinition.of("ledger", "nyc", true),
            ShardDefinition.of("britannia", "lon", false),
            ShardDefinition.of("scratch", "#LOCAL", false));

    private RulesFixture() {}

    static ShardFilter filter(String source, String target, String unknownShard, String wrongMaster) {
        return new ShardFilter(
                new LinkRoles(source, target),
                new FilterPolicies(Policy.parse(unknownShard), Policy.parse(wrongMaster)));
    }

    /** A transaction on the space-separated {@code schemas} ({@code null} or blank: none). */
    static TransactionHeader tx(String schemas, String origin) {
        return new TransactionHeader(schemaSet(schemas), false, origin, Gtid.parse(GTID), "");
    }

    static Set<String> schemaSet(String schemas) {
        if (schemas == null || schemas.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(schemas.trim().split("\\s+")).collect(Collectors.toSet());
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
