package io.shardhome.directory.view;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wakes threads waiting for a newer snapshot when a source publishes one: the blocking half of {@link
 * DirectorySnapshotSource#awaitNewerThan}, for sources that know when they change. Thread-safe.
 */
public final class VersionSignal {
    private final Object monitor = new Object();
    private final LongSupplier currentVersion;

    /** @param currentVersion reads the source's current version (a volatile read) */
    public VersionSignal(LongSupplier currentVersion) {
        this.currentVersion = currentVersion;
    }

    /** Call after the source's snapshot was replaced. */
    public void published() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /**
     * Waits until the current version is greater than {@code version}, at most {@code timeout}.
     *
     * @return whether it is
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public boolean awaitNewerThan(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (currentVersion.getAsLong() <= version) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return false;
                }
                monitor.wait(leftMillis);
            }
            return true;
        }
    }
}
