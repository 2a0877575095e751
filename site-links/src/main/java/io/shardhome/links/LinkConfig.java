package io.shardhome.links;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.LinkRoles;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of one link. Immutable.
 *
 * @param startGtid where a link starts when its target has no stored position (a GTID set of the
 *     source; empty: from the source's oldest binlog)
 * @param readerServerId the server id the link's binlog reader registers with at the source; unique
 *     among the source's replicas
 * @param queueCapacity events buffered between the binlog reader and the applier
 * @param retryMin first wait after a transient fault; doubles up to {@code retryMax}
 * @param maxGroup most source transactions committed together at the target while the link is behind
 *     (1: one target commit per source transaction)
 * @param channels parallel apply channels (1: serial); shards are spread over them, MariaDB sources only
 * @param onlyShards when not empty, the only shards the link carries (a re-seed's catch-up reader)
 * @param idSuffix appended to the link id of a helper link reading the same source and target (its own
 *     position row), e.g. {@code ~reseed-acme}; empty for a site link
 * @param holderEpoch the epoch of the instance running the link (raised by each new holder); its position
 *     writes at the target succeed only while the target's rows carry it, so a deposed holder cannot
 *     commit late (0: no holder fencing, for links run outside the service)
 */
public record LinkConfig(
        LinkRoles roles,
        SiteEndpoint source,
        SiteEndpoint target,
        FilterPolicies policies,
        String startGtid,
        long readerServerId,
        int queueCapacity,
        Duration retryMin,
        Duration retryMax,
        int maxGroup,
        int channels,
        Set<String> onlyShards,
        String idSuffix,
        long holderEpoch) {
    public LinkConfig {
        onlyShards = onlyShards == null ? Set.of() : Set.copyOf(onlyShards);
        idSuffix = idSuffix == null ? "" : idSuffix;
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policies, "policies");
        startGtid = startGtid == null ? "" : startGtid;
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        if (!source.site().equals(roles.sourceSite()) || !target.site().equals(roles.targetSite())) {
            throw new LinkException(
                    LinkException.Code.INVALID_USE,
                    "link " + roles.linkId() + " was given endpoints of " + source.site() + " and " + target.site()
                            + "; give the source and target sites' masters");
        }
        if (channels < 1 || channels > 64) {
            throw new LinkException(LinkException.Code.INVALID_USE, "channels must be 1 to 64, got " + channels);
        }
        if (maxGroup < 1) {
            throw new LinkException(LinkException.Code.INVALID_USE, "maxGroup must be positive, got " + maxGroup);
        }
        if (queueCapacity < 1) {
            throw new LinkException(
                    LinkException.Code.INVALID_USE, "queueCapacity must be positive, got " + queueCapacity);
        }
    }

    /** A link with default policies, queue and retry timings, and a reader server id derived from its id. */
    public static LinkConfig of(SiteEndpoint source, SiteEndpoint target, FilterPolicies policies, String startGtid) {
        LinkRoles roles = new LinkRoles(source.site(), target.site());
        long serverId = 100_000L + Math.floorMod(roles.linkId().hashCode(), 1_000_000);
        return new LinkConfig(
                roles,
                source,
                target,
                policies,
                startGtid,
                serverId,
                10_000,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                100,
                1,
                Set.of(),
                "",
                0);
    }

    /** The same link committing at most {@code transactions} source transactions per target commit. */
    public LinkConfig withMaxGroup(int transactions) {
        return tuned(transactions, channels);
    }

    /** The same link applying over {@code count} parallel channels. */
    public LinkConfig withChannels(int count) {
        return tuned(maxGroup, count);
    }

    /** A helper link that carries only {@code shards}, under its own id (this id + {@code suffix}). */
    public LinkConfig onlyFor(Set<String> shards, String suffix) {
        return copy(
                startGtid,
                readerServerId + 1 + Math.floorMod(suffix.hashCode(), 1000),
                maxGroup,
                1,
                shards,
                suffix,
                holderEpoch);
    }

    /** The same link starting, when its target has no position for it, after {@code gtidSet}. */
    public LinkConfig startingAfter(String gtidSet) {
        return copy(gtidSet, readerServerId, maxGroup, channels, onlyShards, idSuffix, holderEpoch);
    }

    /** The same link run by a holder of {@code epoch} (see {@link #holderEpoch()}). */
    public LinkConfig withHolderEpoch(long epoch) {
        return copy(startGtid, readerServerId, maxGroup, channels, onlyShards, idSuffix, epoch);
    }

    private LinkConfig tuned(int group, int count) {
        return copy(startGtid, readerServerId, group, count, onlyShards, idSuffix, holderEpoch);
    }

    private LinkConfig copy(
            String start, long readerId, int group, int count, Set<String> only, String suffix, long epoch) {
        return new LinkConfig(
                roles,
                source,
                target,
                policies,
                start,
                readerId,
                queueCapacity,
                retryMin,
                retryMax,
                group,
                count,
                only,
                suffix,
                epoch);
    }

    public String linkId() {
        return roles.linkId() + idSuffix;
    }
}
