package io.shardhome.service.moves.api;

import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.site.Site;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import io.shardhome.service.moves.AppAccount;
import io.shardhome.service.moves.MoveEngine;
import io.shardhome.service.moves.MoveSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
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
        ShardhomeProperties.Moves moves = properties.moves();
        MoveSettings settings = MoveSettings.defaults(new AppAccount(moves.appUser(), moves.appHost()));
        settings = new MoveSettings(
                settings.appAccount(),
                moves.maxLagSeconds(),
                settings.maxStatusAge(),
                moves.catchUpTimeout(),
                settings.pollInterval(),
                settings.sessionKillWait(),
                moves.flipPropagationTimeout());
        return new MoveEngine(
                directory.storeFor("service:moves"), records, directory.linkStatuses(), masters, settings);
    }

    /** Every registered site this instance has credentials for, as the move engine reaches it. */
    private Map<String, SiteEndpoint> masters() {
        Map<String, SiteEndpoint> masters = new TreeMap<>();
        for (Site site : directory.snapshot().sites().values()) {
            ShardhomeProperties.SiteCredentials account =
                    properties.siteCredentials().get(site.name());
            if (account != null && account.user() != null) {
                masters.put(
                        site.name(),
                        new SiteEndpoint(site.name(), site.host(), site.port(), account.user(), account.password()));
            }
        }
        return masters;
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
