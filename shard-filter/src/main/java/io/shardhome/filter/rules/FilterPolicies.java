package io.shardhome.filter.rules;

import java.util.Objects;

/** The configurable policies of a link's shard filter; defaults are {@code error} for both. */
public record FilterPolicies(Policy unknownShard, Policy wrongMaster) {
    public static final FilterPolicies DEFAULTS = new FilterPolicies(Policy.ERROR, Policy.ERROR);

    public FilterPolicies {
        Objects.requireNonNull(unknownShard, "unknownShard");
        Objects.requireNonNull(wrongMaster, "wrongMaster");
    }
}
