package io.shardhome.service.moves.api;

import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.links.LinkException;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.config.SiteEndpoints;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.moves.MoveEngine;
import io.shardhome.service.moves.MoveSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the move engine in exactly one instance, the move leader (a Curator leader latch at {@code
 * <root>/move-leader}): it starts moves and, on becoming leader, resumes or rolls back the moves a
 * previous leader left unfinished. Other instances read move records and refuse to start moves, naming
 * the leader. The engine is rebuilt (close, new engine, recover) when the site registry or credentials it
 * was built with change, which the engine's crash recovery makes safe. Thread-safe; close is idempotent.
 */
public final class MoveHosting implements LeaderLatchListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MoveHosting.class);

    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final MoveRecordStore records;
    private final LeaderLatch latch;
    private final MoveEngine reader;
    /** Leadership callbacks run here, off Curator's event thread, because recovery does ZooKeeper I/O. */
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "move-leader");
        t.setDaemon(true);
        return t;
    });

    private MoveEngine engine;
    private Map<String, SiteEndpoint> engineMasters = Map.of();
    private boolean closed;

    MoveHosting(DirectoryAccess directory, ShardhomeProperties properties) {
        this.directory = directory;
        this.properties = properties;
        this.records = new MoveRecordStore(directory.client(), directory.layout());
        this.latch = new LeaderLatch(
                directory.client(),
                directory.layout().root() + "/move-leader",
                ManagementFactory.getRuntimeMXBean().getName());
        this.reader = newEngine(Map.of());
    }

    void start() throws Exception {
        latch.addListener(this, callbacks);
        latch.start();
        long every = Math.max(100, properties.moves().sweepInterval().toMillis());
        callbacks.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether this instance is the move leader now. */
    boolean leads() {
        return latch.hasLeadership();
    }

    /** An engine for reading records (never starts or recovers moves). */
    MoveEngine reader() {
        return reader;
    }

    /** The engine that runs moves; only in the leader. @throws ServiceException {@code NOT_MOVE_LEADER} */
    synchronized MoveEngine leaderEngine() {
        if (!latch.hasLeadership()) {
            throw new ServiceException(
                    Code.NOT_MOVE_LEADER,
                    "moves run in the move leader and this instance is not it; send the request to the instance "
                            + leaderName() + " or retry shortly if leadership is changing");
        }
        Map<String, SiteEndpoint> masters = masters();
        if (engine == null || !masters.equals(engineMasters)) {
            replaceEngine(masters);
        }
        return engine;
    }

    @Override
    public synchronized void isLeader() {
        if (closed) {
            return;
        }
        log.info("this instance now leads shard moves; resuming or rolling back unfinished moves");
        replaceEngine(masters());
    }

    @Override
    public synchronized void notLeader() {
        log.info("this instance no longer leads shard moves; moves it ran stay recorded for the next leader");
        closeEngine();
    }

    private void replaceEngine(Map<String, SiteEndpoint> masters) {
        closeEngine();
        engine = newEngine(masters);
        engineMasters = masters;
        var recovered = engine.recover();
        if (!recovered.isEmpty()) {
            log.info("resumed or rolled back moves {}", recovered);
        }
    }

    private MoveEngine newEngine(Map<String, SiteEndpoint> masters) {
        return new MoveEngine(
                directory.storeFor("service:moves"), records, directory.linkStatuses(), masters, settings(properties));
    }

    /** The move settings from {@code shardhome.moves.*} and {@code shardhome.grants.trusted-accounts}. */
    static MoveSettings settings(ShardhomeProperties properties) {
        ShardhomeProperties.Moves moves = properties.moves();
        return MoveSettings.defaults()
                .withTrustedAccounts(properties.grants().trusted())
                .withMaxLagSeconds(moves.maxLagSeconds())
                .withCatchUpTimeout(moves.catchUpTimeout())
                .withFlipPropagationTimeout(moves.flipPropagationTimeout())
                .withRetry(moves.retryMin(), moves.retryMax());
    }

    /** Every registered site this instance has credentials for, as the move engine reaches it. */
    private Map<String, SiteEndpoint> masters() {
        Map<String, SiteEndpoint> masters = new TreeMap<>();
        for (Site site : directory.snapshot().sites().values()) {
            try {
                SiteEndpoints.of(site, properties).ifPresent(endpoint -> masters.put(site.name(), endpoint));
            } catch (LinkException e) {
                log.error("moves cannot reach site {}: {}", site.name(), e.getMessage());
            }
        }
        return masters;
    }

    /**
     * Resumes stopped moves and unfences shards FENCED without a move, while this instance leads moves
     * ({@link MoveEngine#sweep}).
     */
    private synchronized void sweep() {
        if (closed || engine == null || !latch.hasLeadership()) {
            return;
        }
        try {
            List<ShardEntry> fenced = new ArrayList<>();
            for (ShardEntry entry : directory.snapshot().sortedEntries()) {
                if (entry.state() == ShardState.FENCED) {
                    fenced.add(entry);
                }
            }
            List<String> started = engine.sweep(fenced);
            if (!started.isEmpty()) {
                log.info("the move sweep resumed or started moves {}", started);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "the move sweep failed ({}); it runs again in {}",
                    e.toString(),
                    properties.moves().sweepInterval());
        }
    }

    private String leaderName() {
        try {
            return "'" + latch.getLeader().getId() + "'";
        } catch (Exception e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    private void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        callbacks.shutdown();
        closeEngine();
        reader.close();
        try {
            latch.close(LeaderLatch.CloseMode.SILENT);
        } catch (IOException e) {
            log.warn("leaving the move leader election failed: {}", e.getMessage());
        }
    }
}
