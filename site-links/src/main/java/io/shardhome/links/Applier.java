package io.shardhome.links;

import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;

/**
 * The apply half of a link's pipeline: takes the transactions the rules let through, in source order, and
 * owns the link's stored position at the target. Two implementations: {@link SerialApply} (one session,
 * consecutive transactions grouped into one target commit while behind) and {@link ParallelApply} (one
 * session per channel, shards spread over channels, barriers for DDL, critical and unknown shards). Used
 * by the link thread only; the transactions handed over are closed by the applier once applied.
 */
interface Applier extends AutoCloseable {
    /** Where the link resumes reading: every transaction before it is applied or was dropped. */
    LinkPosition resumePosition();

    /** Whether {@code tx} of {@code shard} ({@code alone} as in {@link #apply}) was applied before a restart re-read it. */
    boolean alreadyApplied(SourceTransaction tx, String shard, boolean alone);

    /**
     * Applies {@code tx} now or soon, after everything handed over before it of its shard ({@code alone}:
     * after everything before it, and before anything after it).
     *
     * @param next the position after {@code tx}
     */
    void apply(SourceTransaction tx, String shard, boolean alone, LinkPosition next) throws InterruptedException;

    /** A transaction was dropped or was empty: the position moves past it without applying anything. */
    void skip(LinkPosition next) throws InterruptedException;

    /**
     * The reader has nothing more for now: apply what is pending and, at most every {@code saveMillis},
     * store a position reached by skips alone (a move waiting for a fence position may need it).
     */
    void idle(long saveMillis) throws InterruptedException;

    /** What is applied at the target: the least position of all sessions. */
    LinkPosition appliedPosition();

    /** Rethrows a failure of a background apply session, if any. */
    void checkFailures();

    /** A graceful stop: everything handed over is applied and every position row stored. */
    void finish() throws InterruptedException;

    @Override
    void close();
}
