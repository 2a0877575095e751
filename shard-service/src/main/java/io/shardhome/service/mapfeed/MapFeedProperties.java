package io.shardhome.service.mapfeed;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The map feed's settings under {@code shardhome.map-feed}. Immutable; validated when bound.
 *
 * @param heartbeat the longest a stream stays silent (clients reconnect after a few silent heartbeats)
 * @param linkPoll how often the links' published statuses are read while anyone watches
 * @param linkStatusMaxAge a link status older than this counts as UNKNOWN (no instance runs the link)
 * @param historySteps how many recent map versions are kept as changes for clients that reconnect
 * @param historyShards how many shard entries those changes may hold in total
 * @param maxWatchers streams open at once; more are refused with 503 (add instances or raise it)
 * @param streamTimeout a stream is closed after this long; the client reconnects where it was
 */
@ConfigurationProperties("shardhome.map-feed")
@Validated
public record MapFeedProperties(
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("1s") Duration linkPoll,
        @DefaultValue("10s") Duration linkStatusMaxAge,
        @DefaultValue("1000") @Min(1) int historySteps,
        @DefaultValue("100000") @Min(1) int historyShards,
        @DefaultValue("10000") @Min(1) int maxWatchers,
        @DefaultValue("30m") Duration streamTimeout) {}
