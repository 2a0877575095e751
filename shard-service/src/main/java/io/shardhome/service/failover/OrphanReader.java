package io.shardhome.service.failover;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.source.BinlogReader;
import io.shardhome.links.source.RowCounts;
import io.shardhome.links.source.SourceMaster;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.TransactionAssembler;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads a returning site's binlog after what the survivors processed of it, up to its position when the
 * reading starts, and lists every transaction it committed itself (not one a link applied there) that a
 * survivor lacks: the orphans. Reads only; applies nothing. One use per instance.
 */
final class OrphanReader {
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final String UNKNOWN = "#UNKNOWN";

    private final SiteEndpoint site;
    private final Map<String, GtidSet> processed;
    private final int limit;
    private final List<Orphan> orphans = new ArrayList<>();
    private long found;
    private GtidSet seen;

    /**
     * @param processed what each survivor processed of the site
     * @param limit how many orphans to list in full (the rest are counted)
     */
    OrphanReader(SiteEndpoint site, Map<String, GtidSet> processed, int limit) {
        this.site = site;
        this.processed = Map.copyOf(processed);
        this.limit = limit;
    }

    /** The result: orphans in binlog order (at most {@code limit}) and how many there are in all. */
    record Result(GtidSet from, GtidSet to, List<Orphan> orphans, long total) {}

    /**
     * @throws ServiceException {@code MASTER_FAILED} when the binlog cannot be read to the end or a
     *     transaction in it cannot be understood (the listing would be incomplete)
     */
    Result read() throws InterruptedException {
        GtidSet from = GtidSet.earliest(processed.values());
        seen = from;
        try (SourceMaster master = SourceMaster.open(site)) {
            GtidSet end = master.currentGtid();
            TransactionAssembler assembler = new TransactionAssembler(master);
            long replicaId = 3_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
            try (BinlogReader reader =
                    new BinlogReader(site, from.toString(), replicaId, 1024, "orphans-" + site.site())) {
                reader.start();
                while (!seen.covers(end)) {
                    BinlogReader.Signal signal = reader.poll(QUIET);
                    if (signal == null) {
                        throw failed("no binlog event arrived for " + QUIET + " before " + end + " was reached", null);
                    }
                    if (signal instanceof BinlogReader.Failure f) {
                        throw failed("reading the binlog failed: " + f.cause().getMessage(), f.cause());
                    }
                    if (signal instanceof BinlogReader.EventSignal e) {
                        assembler.accept(e.event(), this::judge);
                    }
                }
            }
            return new Result(from, end, orphans, found);
        } catch (LinkException e) {
            throw failed(e.getMessage(), e);
        }
    }

    private void judge(SourceTransaction tx) {
        try (tx) {
            seen = seen.with(tx.gtid());
            if (tx.touchesPositions()) {
                return;
            }
            List<String> missingAt = new ArrayList<>();
            processed.forEach((survivor, set) -> {
                if (!set.contains(tx.gtid())) {
                    missingAt.add(survivor);
                }
            });
            if (missingAt.isEmpty()) {
                return;
            }
            found++;
            if (orphans.size() < limit) {
                orphans.add(orphan(tx, missingAt));
            }
        }
    }

    private static Orphan orphan(SourceTransaction tx, List<String> missingAt) {
        List<String> schemas = tx.schemas().stream().sorted().toList();
        Map<String, Long> rows = new TreeMap<>(RowCounts.of(tx));
        if (tx.isDdl()) {
            rows.put("ddl", 1L);
        }
        return new Orphan(
                tx.gtid().toString(),
                schemas.size() == 1 ? schemas.get(0) : UNKNOWN,
                schemas,
                rows,
                missingAt.stream().sorted().toList(),
                tx.commitMillis());
    }

    private ServiceException failed(String why, Throwable cause) {
        return new ServiceException(
                Code.MASTER_FAILED,
                "the orphans of site " + site.site() + " could not all be read after " + seen + ": " + why
                        + "; the site stays DOWN and fenced; fix the cause and run the return again",
                Map.of("site", site.site()),
                cause);
    }
}
