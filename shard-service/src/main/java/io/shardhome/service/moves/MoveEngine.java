package io.shardhome.service.moves;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.zk.Json;
import io.shardhome.filter.map.Names;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.LinkStatusPublisher;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.moves.MoveContext.Versioned;
import io.shardhome.service.moves.MoveException.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves shards' homes between sites (DESIGN.md "Moving a shard's home"): preflight, fence, catch up,
 * flip, unfence. A move is a durable state machine in the shard's move record znode; every transition is
 * a compare-and-set, so a second move of a shard is refused and a crashed engine's moves are resumed or
 * rolled back by {@link #recover()} in the next engine (call it on start and whenever this instance
 * becomes the leader).
 *
 * <p>Moves run on the engine's own threads; {@link #start} returns once the preflight passed. Moves of
 * different shards run concurrently. Thread-safe. Errors are {@link MoveException}s. {@link #close()}
 * stops running moves where they are (their records stay for recovery); it is idempotent.
 */
public final class MoveEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoveEngine.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MoveDirectory directory;
    private final MoveRecordStore records;
    private final LinkStatusStore linkStatus;
    private final MoveSettings settings;
    private final Map<String, SiteMaster> masters = new HashMap<>();
    private final Map<String, Future<MoveRecord>> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "move-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * @param masters each site's master as the move account reaches it (see {@link SiteMaster} for the
     *     privileges it needs), by site name
     */
    public MoveEngine(
            DirectoryStore store,
            MoveRecordStore records,
            LinkStatusStore linkStatus,
            Map<String, SiteEndpoint> masters,
            MoveSettings settings) {
        this.directory = new MoveDirectory(store);
        this.records = records;
        this.linkStatus = linkStatus;
        this.settings = settings;
        masters.forEach((site, endpoint) -> this.masters.put(site, new SiteMaster(endpoint)));
    }

    /**
     * Starts moving {@code shard}'s home to {@code toSite}; returns the move id once the preflight passed.
     *
     * @throws MoveException {@code UNKNOWN_SHARD}, {@code UNKNOWN_SITE}, {@code NOT_MOVABLE}, {@code
     *     MOVE_IN_PROGRESS} (another move of the shard has not ended), {@code LINK_NOT_READY}, {@code
     *     FENCE_IMPOSSIBLE}, {@code MASTER_FAILED}, {@code DIRECTORY_FAILED}
     */
    public String start(String shard, String toSite) {
        requireOpen();
        ShardEntry entry = directory
                .entry(shard)
                .orElseThrow(() -> new MoveException(
                        Code.UNKNOWN_SHARD, "shard " + shard + " is not in the directory; check the name"));
        requireMovable(entry, toSite);
        String from = entry.home().value();
        MoveContext ctx = context();
        MoveRecord move = MoveRecord.started(moveId(shard), shard, from, toSite, now());
        // Counts as running while its preflight runs, so a sweep's recovery does not take it for interrupted.
        running.put(move.moveId(), new CompletableFuture<>());
        try {
            Versioned claimed = MoveClaims.claim(records, move);
            try {
                MovePreflight.check(ctx, linkStatus, claimed.record());
            } catch (MoveException e) {
                MoveClaims.refuse(records, claimed, e);
                throw e;
            }
            submit(ctx, claimed);
            return move.moveId();
        } catch (RuntimeException e) {
            running.remove(move.moveId());
            throw e;
        }
    }

    /** The move's current record. @throws MoveException {@code UNKNOWN_MOVE} */
    public MoveRecord get(String moveId) {
        return find(moveId).record();
    }

    /** Every shard's latest move (running or ended), sorted by shard. */
    public List<MoveRecord> list() {
        List<MoveRecord> all = new ArrayList<>();
        for (String shard : records.shardIds()) {
            context().read(shard).ifPresent(v -> all.add(v.record()));
        }
        return all;
    }

    /** Whether this engine is running the move now. */
    public boolean isRunning(String moveId) {
        Future<MoveRecord> f = running.get(moveId);
        return f != null && !f.isDone();
    }

    /**
     * Asks the move to roll back; honoured wherever rolling back is safe: before the flip (in FLIPPING only
     * if the flip has not happened yet), also by another engine running it. A move already rolling back is
     * returned as it is.
     *
     * @throws MoveException {@code UNKNOWN_MOVE}, {@code NOT_CANCELLABLE} once the home has flipped
     */
    public MoveRecord cancel(String moveId) {
        requireOpen();
        for (int attempt = 0; attempt < 20; attempt++) {
            Versioned current = find(moveId);
            MoveRecord move = current.record();
            if (move.phase() == MovePhase.ROLLING_BACK) {
                return move;
            }
            if (!move.phase().isCancellable()) {
                throw new MoveException(
                        Code.NOT_CANCELLABLE,
                        "move " + moveId + " is " + move.phase() + " and can no longer be cancelled; let it"
                                + " finish, then move the shard back if needed");
            }
            try {
                records.update(move.shard(), Json.write(move.withCancelRequested()), current.version());
                return move.withCancelRequested();
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw new MoveException(
                            Code.DIRECTORY_FAILED,
                            "cancelling move " + moveId + " failed: " + e.getMessage() + "; retry",
                            e);
                }
            }
        }
        throw new MoveException(Code.DIRECTORY_FAILED, "move " + moveId + " kept changing; retry the cancel");
    }

    /**
     * Resumes or rolls back every unfinished move not running in this engine: moves that had not fenced
     * or were fencing roll back; the others resume from their recorded phase. Returns their ids.
     */
    public List<String> recover() {
        requireOpen();
        MoveContext ctx = context();
        List<String> resumed = new ArrayList<>();
        for (String shard : records.shardIds()) {
            Optional<Versioned> found = ctx.read(shard);
            if (found.isEmpty()
                    || found.get().record().phase().isTerminal()
                    || isRunning(found.get().record().moveId())) {
                continue;
            }
            Versioned move = found.get();
            MovePhase phase = move.record().phase();
            if (phase == MovePhase.PREFLIGHT || phase == MovePhase.FENCING) {
                move = MoveClaims.rollBackInterrupted(records, move).orElse(null);
            }
            if (move != null) {
                LOG.info(
                        "recovering move {} in phase {}",
                        move.record().moveId(),
                        move.record().phase());
                submit(ctx, move);
                resumed.add(move.record().moveId());
            }
        }
        return resumed;
    }

    /**
     * What the move leader runs every few seconds so that no shard stays FENCED without a move working on
     * it: {@link #recover()} (a runner that stopped is resumed), and for each shard FENCED without an
     * unfinished move, a roll-back move that unfences it (claimed like any move, so it never races a new
     * one). Returns the ids of the moves it started or resumed.
     *
     * @param fenced the FENCED shards of the leader's current map
     */
    public List<String> sweep(List<ShardEntry> fenced) {
        List<String> started = new ArrayList<>(recover());
        for (ShardEntry entry : fenced) {
            Optional<Versioned> last = context().read(entry.shardId());
            if (entry.state() != ShardState.FENCED
                    || entry.home().isLocal()
                    || last.isPresent() && !last.get().record().phase().isTerminal()) {
                continue;
            }
            String why = "shard " + entry.shardId() + " was FENCED towards " + entry.moveTarget()
                    + " without a move owning it";
            MoveRecord orphan = MoveRecord.started(
                            moveId(entry.shardId()),
                            entry.shardId(),
                            entry.home().value(),
                            entry.moveTarget(),
                            now())
                    .withReason(why)
                    .enter(MovePhase.ROLLING_BACK, now(), "the move leader unfences it: " + why);
            try {
                Versioned claimed = MoveClaims.claim(records, orphan);
                LOG.error(
                        "{}; unfencing it (move {}); check its grants with 'shardhome grants check'",
                        why,
                        orphan.moveId());
                submit(context(), claimed);
                started.add(orphan.moveId());
            } catch (MoveException raced) {
                LOG.info(
                        "shard {} got a move meanwhile ({}); leaving it to that move",
                        entry.shardId(),
                        raced.getMessage());
            }
        }
        return started;
    }

    /** Stops running moves where they are (they stay recorded for {@link #recover()}). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("some moves did not stop within 30 s; their records stay for recovery");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireMovable(ShardEntry entry, String toSite) {
        if (!directory.siteExists(toSite)) {
            throw new MoveException(
                    Code.UNKNOWN_SITE, "site " + toSite + " is not registered; register it before moving shards there");
        }
        if (entry.home().isLocal() || entry.home().isSite(toSite)) {
            throw new MoveException(
                    Code.NOT_MOVABLE,
                    "shard " + entry.shardId() + " is homed at " + entry.home() + "; a move needs a site home"
                            + " other than the target " + toSite);
        }
        if (!entry.isPlain()) {
            throw new MoveException(
                    Code.MOVE_IN_PROGRESS,
                    "shard " + entry.shardId() + " is " + entry.state() + " towards '" + entry.moveTarget()
                            + "'; wait for its move to end (GET the moves) or recover the moves");
        }
    }

    private void submit(MoveContext ctx, Versioned move) {
        String id = move.record().moveId();
        running.put(id, threads.submit(() -> {
            try {
                return new MoveRunner(ctx, move).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.info("move {} stopped by close; recover it with the next engine", id);
                return null;
            } catch (RuntimeException e) {
                LOG.error("move {} stopped: {}; it resumes on the next recovery", id, e.getMessage(), e);
                throw e;
            }
        }));
    }

    private Versioned find(String moveId) {
        String shard = MoveRecord.shardOf(moveId);
        Optional<Versioned> found =
                shard.isEmpty() || Names.shardIdProblem(shard).isPresent()
                        ? Optional.<Versioned>empty()
                        : context().read(shard);
        if (found.isEmpty() || !found.get().record().moveId().equals(moveId)) {
            throw new MoveException(
                    Code.UNKNOWN_MOVE,
                    "there is no move " + moveId + " (only the latest move of"
                            + " each shard is kept); list the moves for the current ones");
        }
        return found.get();
    }

    private MoveContext context() {
        return new MoveContext(directory, records, linkStatus, masters, settings);
    }

    private void requireOpen() {
        if (closed) {
            throw new MoveException(Code.ILLEGAL_STATE, "the move engine is closed; use a new one");
        }
    }

    /** Where the link from {@code fromSite} to {@code toSite} publishes its status. */
    static String statusKey(String fromSite, String toSite) {
        return LinkStatusPublisher.directoryKey(new LinkRoles(fromSite, toSite));
    }

    private static String moveId(String shard) {
        return shard + "-" + Long.toString(System.currentTimeMillis(), 36);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
