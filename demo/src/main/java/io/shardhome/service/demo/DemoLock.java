package io.shardhome.service.demo;

import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * One demo per data directory: an operating-system lock on {@code <dataDir>/demo.lock}, held while a demo
 * runs and released by the operating system when it dies (kill -9). A second demo on the same directory
 * is refused naming the first one's pid, instead of sharing its ZooKeeper files and stopping its servers
 * as leftovers. Release once; not thread-safe.
 */
final class DemoLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DemoLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws ServiceException {@code INVALID_INPUT} when another demo runs here; {@code INTERNAL} on I/O errors */
    static DemoLock acquire(DemoLayout layout) {
        Path file = layout.lockFile();
        FileChannel channel = null;
        try {
            Files.createDirectories(layout.dataDir());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String pid = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
                channel.close();
                throw new ServiceException(
                        Code.INVALID_INPUT,
                        "another shardhome demo" + (pid.isEmpty() ? "" : " (pid " + pid + ")") + " is running with the"
                                + " data directory " + layout.dataDir() + "; stop it (Ctrl-C) or pass another"
                                + " --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return new DemoLock(channel, lock);
        } catch (IOException e) {
            ServiceException failure = new ServiceException(
                    Code.INTERNAL,
                    "cannot lock the demo's data directory " + layout.dataDir() + " (" + e.getMessage()
                            + "); make it writable or pass another --data-dir",
                    Map.of(),
                    e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closeFailure) {
                    failure.addSuppressed(closeFailure);
                }
            }
            throw failure;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new ServiceException(
                    Code.INTERNAL, "cannot release the demo's lock file: " + e.getMessage(), Map.of(), e);
        }
    }
}
