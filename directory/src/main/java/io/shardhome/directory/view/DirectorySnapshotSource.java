package io.shardhome.directory.view;

import io.shardhome.directory.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Something that holds the current directory snapshot in memory (sites, shards and their states).
 *
 * <p>Thread-safety: {@link #snapshot()} is a volatile read that never blocks; safe on hot paths.
 */
@FunctionalInterface
public interface DirectorySnapshotSource {
    /** The latest snapshot; never null (empty, version 0, before the first read). */
    DirectorySnapshot snapshot();

    /**
     * Waits until the snapshot's version is greater than {@code version}, at most {@code timeout}. This
     * default polls every millisecond; sources that know when they change override it (see {@link
     * VersionSignal}).
     *
     * @return whether a newer snapshot is there
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    default boolean awaitNewerThan(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (snapshot().version() <= version) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a shard map newer than " + version);
            }
        }
        return true;
    }
}
