package io.shardhome.service.moves;

/**
 * The durable phases of a move, in protocol order. Every transition is a compare-and-set of the move
 * record; a phase names what the move may already have changed, so recovery knows what to resume or undo.
 */
public enum MovePhase {
    /** Record created (the shard's move lock); nothing changed yet. */
    PREFLIGHT,
    /** The fence is being raised: directory FENCED, write grants revoked at the source, sessions killed. */
    FENCING,
    /** Fenced; waiting for the target to apply the source position recorded after the fence. */
    CATCHING_UP,
    /** Caught up; the home flip in the directory is being written (it may or may not have happened). */
    FLIPPING,
    /** Home is the target and ACTIVE; write grants are being restored at the target. */
    FLIPPED,
    /** Finished: the target is the shard's home and takes writes. */
    DONE,
    /** Undoing the fence: grants restored at the source, directory ACTIVE with the old home. */
    ROLLING_BACK,
    /** Finished without moving: the home is unchanged and takes writes again. */
    ROLLED_BACK;

    /** Whether the move has ended (its shard may be moved again). */
    public boolean isTerminal() {
        return this == DONE || this == ROLLED_BACK;
    }

    /**
     * Whether a cancel is accepted: rolling back is safe until the flip (in FLIPPING only while the flip
     * has not happened; the runner checks), and a move rolling back already does what a cancel asks.
     */
    public boolean isCancellable() {
        return this == PREFLIGHT || this == FENCING || this == CATCHING_UP || this == FLIPPING || this == ROLLING_BACK;
    }

    /**
     * Whether a failure of this phase's work rolls the move back (bounding the write outage). After the flip,
     * and while rolling back, the work is retried with backoff instead, until it succeeds.
     */
    public boolean rollsBackOnFailure() {
        return this == PREFLIGHT || this == FENCING || this == CATCHING_UP;
    }
}
