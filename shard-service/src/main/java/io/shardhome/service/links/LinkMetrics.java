package io.shardhome.service.links;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.links.Link;
import io.shardhome.links.LinkState;
import io.shardhome.links.LinkStatus;
import io.shardhome.links.PendingError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The links' Prometheus meters (Micrometer, scraped at {@code /actuator/prometheus}; docs/operations.md
 * lists them). The instance running a link exports its live status, read from {@link Link#status()}:
 * state, lag, applied and dropped transactions and errors (see {@link Running}). Every instance exports the
 * age and freshness of every link's published status, so a link whose instance died (and with it its
 * live meters) still shows up, as stale. Tags: {@code link} ({@code nyc->sjc}), {@code source}, {@code
 * target}. Thread-safe.
 */
public final class LinkMetrics {
    /** The reasons of applied transactions; the others are the reasons a transaction is dropped. */
    private static final EnumSet<Reason> APPLY_REASONS =
            EnumSet.of(Reason.HOME_MATCH, Reason.ACCEPTED_BY_POLICY, Reason.WARNED_BY_POLICY);

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<LinkBody>> published = new ConcurrentHashMap<>();

    LinkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the latest published status of a link; the first one registers its freshness gauges. */
    void observePublished(LinkBody link) {
        AtomicReference<LinkBody> latest = published.computeIfAbsent(link.id(), id -> {
            AtomicReference<LinkBody> ref = new AtomicReference<>(link);
            Tags tags = tags(id);
            Gauge.builder("shardhome.link.status.age", ref, LinkMetrics::ageSeconds)
                    .baseUnit("seconds")
                    .description("age of the link's status published in the directory (grows when its instance stops)")
                    .tags(tags)
                    .register(registry);
            Gauge.builder("shardhome.link.status.stale", ref, r -> r.get().stale() ? 1 : 0)
                    .description("1 when the published status is stale: no running instance runs the link, or it"
                            + " was not republished in time")
                    .tags(tags)
                    .register(registry);
            return ref;
        });
        latest.set(link);
    }

    private static double ageSeconds(AtomicReference<LinkBody> ref) {
        String at = ref.get().publishedAt();
        return at.isEmpty()
                ? Double.NaN
                : (System.currentTimeMillis() - Instant.parse(at).toEpochMilli()) / 1000.0;
    }

    /** Registers the live meters of {@code link}, which this instance has just started. */
    Running register(Link link) {
        return new Running(link);
    }

    static Tags tags(String linkId) {
        String[] sites = linkId.split("->", 2);
        return Tags.of("link", linkId, "source", sites[0], "target", sites.length > 1 ? sites[1] : "");
    }

    /**
     * The meters of one link while it runs in this instance; {@link #close()} removes them when it stops
     * here. Errors are counted by {@link #sample()}, which the link's host calls every publish interval:
     * a new pending error (OFFLINE:ERROR) or a new transient fault counts once, by code.
     */
    final class Running implements AutoCloseable {
        private final Link link;
        private final Tags tags;
        private final List<Meter> meters = new ArrayList<>();
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();
        private PendingError lastPending;
        private String lastTransient = "";

        private Running(Link link) {
            this.link = link;
            this.tags = tags(link.id());
            meters.add(Gauge.builder("shardhome.link.running", () -> 1)
                    .description("1 in the instance that runs the link")
                    .tags(tags)
                    .register(registry));
            for (LinkState state : LinkState.values()) {
                meters.add(Gauge.builder("shardhome.link.state", link, l -> l.state() == state ? 1 : 0)
                        .description("1 for the link's current state (ONLINE, OFFLINE, OFFLINE:ERROR)")
                        .tags(tags.and("state", state.label()))
                        .register(registry));
            }
            meters.add(Gauge.builder("shardhome.link.lag", link, l -> l.status().lagSeconds())
                    .baseUnit("seconds")
                    .description("seconds between the source commit of the last transaction processed and now;"
                            + " 0 when caught up")
                    .tags(tags)
                    .register(registry));
            meters.add(Gauge.builder("shardhome.link.lag.transactions", link, LinkMetrics::lagTransactions)
                    .description("source transactions not yet processed (NaN when unknown)")
                    .tags(tags)
                    .register(registry));
            meters.add(FunctionCounter.builder(
                            "shardhome.link.applied", link, l -> l.status().applied())
                    .baseUnit("transactions")
                    .description("transactions applied at the target since the link started in this instance")
                    .tags(tags)
                    .register(registry));
            for (Reason reason : EnumSet.complementOf(APPLY_REASONS)) {
                meters.add(FunctionCounter.builder(
                                "shardhome.link.dropped", link, l -> l.status().droppedFor(reason))
                        .baseUnit("transactions")
                        .description("transactions the shard-filter rules dropped, by reason")
                        .tags(tags.and("reason", reason.name()))
                        .register(registry));
            }
        }

        /** Counts the errors that appeared since the last call. */
        void sample() {
            LinkStatus status = link.status();
            PendingError pending = status.pendingError().orElse(null);
            if (pending != null && !pending.equals(lastPending)) {
                count("fatal", pending.code().name());
            }
            lastPending = pending;
            String fault = status.lastTransientError();
            if (!fault.isEmpty() && !fault.equals(lastTransient)) {
                int colon = fault.indexOf(':');
                count("transient", colon > 0 ? fault.substring(0, colon) : "UNKNOWN");
            }
            lastTransient = fault;
        }

        private void count(String kind, String code) {
            errors.computeIfAbsent(kind + "/" + code, k -> {
                        Counter counter = Counter.builder("shardhome.link.errors")
                                .description("errors seen on the link: fatal ones stop it (OFFLINE:ERROR), transient"
                                        + " ones are retried")
                                .tags(tags.and("kind", kind, "code", code))
                                .register(registry);
                        meters.add(counter);
                        return counter;
                    })
                    .increment();
        }

        @Override
        public void close() {
            meters.forEach(registry::remove);
        }
    }

    private static double lagTransactions(Link link) {
        long lag = link.status().lagTransactions();
        return lag < 0 ? Double.NaN : lag;
    }
}
