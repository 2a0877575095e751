package io.shardhome.directory.zk;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import org.apache.zookeeper.KeeperException;

/** Runs ZooKeeper calls and turns their failures into {@link DirectoryException}s. Thread-safe. */
public final class ZkCalls {
    private ZkCalls() {}

    /** A ZooKeeper call that may throw anything Curator throws. */
    @FunctionalInterface
    public interface ZkCall<T> {
        T call() throws Exception;
    }

    /** Runs {@code call}; {@code what} names the operation in error messages. */
    public static <T> T call(String what, ZkCall<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw translate(what, e);
        }
    }

    /** The directory exception for a failed ZooKeeper call; restores the interrupt flag if needed. */
    public static DirectoryException translate(String what, Exception e) {
        if (e instanceof DirectoryException de) {
            return de;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new DirectoryException(
                    Code.INTERRUPTED,
                    what + " was interrupted; the change may or may not "
                            + "have been made: re-read the directory before retrying",
                    e);
        }
        if (e instanceof KeeperException.NoAuthException) {
            return new DirectoryException(
                    Code.ACCESS_DENIED,
                    what + " was refused by ZooKeeper ACLs: this process's "
                            + "ZooKeeper identity may not write the shardhome tree; configure the shardhome digest identity",
                    e);
        }
        if (e instanceof KeeperException ke) {
            return new DirectoryException(
                    Code.UNAVAILABLE,
                    what + " failed in ZooKeeper (" + ke.code() + " at " + ke.getPath()
                            + "); check the ensemble is up and reachable, then retry",
                    e);
        }
        return new DirectoryException(Code.UNAVAILABLE, what + " failed: " + e + "; check ZooKeeper and retry", e);
    }
}
