package io.shardhome.service.config;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.Policy;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.SiteEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a link applies and filters: {@code shardhome.links.defaults.*} for every link, the same keys under
 * {@code shardhome.links.run[i]} for one link. Immutable. A null setting is not configured at that level:
 * it inherits the level above, and at the top the built-in value of {@link LinkConfig#of} and {@link
 * FilterPolicies#DEFAULTS} (1 channel, groups of 100, every policy {@code error}). Out-of-range values are
 * rejected by Bean Validation when the properties are bound, so start-up fails naming property and value.
 *
 * @param channels parallel apply channels, 1 (serial) to 64; more than 1 needs a MariaDB source
 * @param maxGroup most source transactions committed together at the target while the link is behind
 * @param policies the shard filter's policies
 */
public record LinkTuning(
        @Min(value = 1, message = CHANNELS) @Max(value = 64, message = CHANNELS) Integer channels,
        @Min(value = 1, message = MAX_GROUP) Integer maxGroup,
        @Valid Policies policies) {

    static final String CHANNELS = "must be 1 to 64 (1 applies serially; more needs a MariaDB source)";
    static final String MAX_GROUP = "must be at least 1 (1 commits every source transaction on its own)";

    /** Nothing configured: everything inherited. */
    public static final LinkTuning INHERIT = new LinkTuning(null, null, null);

    public LinkTuning {
        policies = Objects.requireNonNullElse(policies, Policies.INHERIT);
    }

    /** These settings with every setting {@code more} configures taking precedence. */
    public LinkTuning overriddenBy(LinkTuning more) {
        return new LinkTuning(
                pick(more, LinkTuning::channels),
                pick(more, LinkTuning::maxGroup),
                policies.overriddenBy(more.policies));
    }

    /**
     * The configuration of the link from {@code source} to {@code target} with these settings; what is not
     * configured keeps the built-in value.
     */
    public LinkConfig linkConfig(SiteEndpoint source, SiteEndpoint target, String startGtid) {
        LinkConfig config = LinkConfig.of(source, target, policies.over(FilterPolicies.DEFAULTS), startGtid);
        if (channels != null) {
            config = config.withChannels(channels);
        }
        if (maxGroup != null) {
            config = config.withMaxGroup(maxGroup);
        }
        return config;
    }

    private <T> T pick(LinkTuning more, Function<LinkTuning, T> setting) {
        return either(setting.apply(more), setting.apply(this));
    }

    /** {@code preferred} unless it is not configured, then {@code fallback} (which may be null too). */
    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /**
     * One key per {@link FilterPolicies} component, kebab-cased, each {@code error|warn|drop|accept}
     * (case-insensitive); null inherits.
     *
     * @param unknownShard a transaction of a shard that is not in the map
     * @param wrongMaster a local write at the source to a shard homed at another site
     */
    public record Policies(
            @Pattern(regexp = POLICY, flags = Pattern.Flag.CASE_INSENSITIVE, message = POLICY_WORDS)
                    String unknownShard,
            @Pattern(regexp = POLICY, flags = Pattern.Flag.CASE_INSENSITIVE, message = POLICY_WORDS)
                    String wrongMaster) {

        static final String POLICY = "\\s*(error|warn|drop|accept)\\s*";
        static final String POLICY_WORDS = "must be one of error, warn, drop, accept";

        public static final Policies INHERIT = new Policies(null, null);

        Policies overriddenBy(Policies more) {
            return new Policies(either(more.unknownShard, unknownShard), either(more.wrongMaster, wrongMaster));
        }

        /** The filter policies, taking what is not configured from {@code base}. */
        public FilterPolicies over(FilterPolicies base) {
            return new FilterPolicies(
                    unknownShard == null ? base.unknownShard() : Policy.parse(unknownShard),
                    wrongMaster == null ? base.wrongMaster() : Policy.parse(wrongMaster));
        }
    }
}
