package io.shardhome.links;

import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.target.LinkPosition;
import java.time.Duration;

/**
 * Holds between a caller that needs a link to stand still at a known position (a consistency check taking
 * snapshots, a re-seed handing a shard back) and the link's thread. The thread checks at each transaction
 * boundary and when idle; once a hold's condition is met it applies everything handed over, publishes the
 * position and waits, until the caller moves the hold on, releases it, or the hold's time is up (a caller
 * that died never stalls a link for long). Thread-safe.
 */
final class HoldDesk {
    /** Applies everything handed over and returns the position the target is at. */
    interface Drain {
        LinkPosition drain() throws InterruptedException;
    }

    private GtidSet upTo;
    private boolean requested;
    private long expiresAt;
    private LinkPosition heldAt;

    /**
     * Asks the link to stop before the first transaction not in {@code limit} (null: at the next boundary)
     * and waits until it does.
     *
     * @return the position the link holds at
     * @throws LinkException {@code INVALID_USE} when the link does not hold within {@code wait}
     */
    synchronized LinkPosition hold(GtidSet limit, Duration maxHold, Duration wait, String linkId)
            throws InterruptedException {
        upTo = limit;
        requested = true;
        heldAt = null;
        expiresAt = System.currentTimeMillis() + wait.toMillis() + maxHold.toMillis();
        notifyAll();
        long deadline = System.currentTimeMillis() + wait.toMillis();
        while (heldAt == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || !requested) {
                requested = false;
                notifyAll();
                throw new LinkException(
                        Code.INVALID_USE,
                        "link " + linkId + " did not reach " + (limit == null ? "a transaction boundary" : limit)
                                + " within " + wait.toMillis() + " ms (is it running and its source reachable?)");
            }
            wait(left);
        }
        expiresAt = System.currentTimeMillis() + maxHold.toMillis();
        return heldAt;
    }

    synchronized void release() {
        requested = false;
        heldAt = null;
        notifyAll();
    }

    /** Link thread, before transaction {@code gtid}: holds here if it is beyond the hold's limit. */
    void beforeTransaction(Gtid gtid, Drain drain) throws InterruptedException {
        waitWhileHeld(() -> upTo == null || !upTo.contains(gtid), drain);
    }

    /** Link thread, idle at {@code applied}: holds if the hold's limit is reached. */
    void whenIdle(GtidSet applied, Drain drain) throws InterruptedException {
        waitWhileHeld(() -> upTo == null || applied.covers(upTo), drain);
    }

    private void waitWhileHeld(java.util.function.BooleanSupplier reached, Drain drain) throws InterruptedException {
        synchronized (this) {
            if (!requested || !reached.getAsBoolean()) {
                return;
            }
        }
        LinkPosition position = drain.drain();
        synchronized (this) {
            if (!requested) {
                return;
            }
            while (requested && reached.getAsBoolean() && System.currentTimeMillis() < expiresAt) {
                if (heldAt == null) { // a new hold (or one moved on to a limit already reached) holds here
                    heldAt = position;
                    notifyAll();
                }
                wait(Math.max(1, expiresAt - System.currentTimeMillis()));
            }
            if (requested && System.currentTimeMillis() >= expiresAt) {
                requested = false; // the caller is gone or too slow: the link goes on
            }
            heldAt = null;
        }
    }
}
