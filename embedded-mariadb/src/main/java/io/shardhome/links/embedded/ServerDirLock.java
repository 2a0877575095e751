package io.shardhome.links.embedded;

import io.shardhome.links.embedded.EmbeddedMariaDbException.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which process owns a server directory: an operating-system lock on {@code <serverDir>/owner.lock},
 * held while the owner runs its server. The operating system releases it when the owner dies (kill -9,
 * power loss), so a {@code mariadbd} of the directory found while the lock is free is a leftover of a dead
 * owner, safe to stop; while another live process holds it, the directory is refused. The file holds the
 * owner's pid, for the message. Release once; not thread-safe.
 */
final class ServerDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServerDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code options}' server directory (creating the directory).
     *
     * @throws EmbeddedMariaDbException {@code SERVER_FAILED} when another live process holds it, or the file
     *     cannot be written
     */
    static ServerDirLock acquire(EmbeddedMariaDbOptions options) {
        Path file = options.lockFile();
        FileChannel channel = null;
        try {
            Files.createDirectories(options.serverDir());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
                throw new EmbeddedMariaDbException(
                        Code.SERVER_FAILED,
                        "the MariaDB server directory " + options.serverDir() + " is in use by another running process"
                                + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                                + "; stop that process first, or use another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return new ServerDirLock(channel, lock);
        } catch (IOException e) {
            throw closing(
                    channel,
                    new EmbeddedMariaDbException(
                            Code.SERVER_FAILED,
                            "cannot lock the MariaDB server directory " + options.serverDir() + " (" + e.getMessage()
                                    + "); make it writable",
                            e));
        } catch (EmbeddedMariaDbException e) {
            throw closing(channel, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    /** Closes the channel of a failed acquire; a failure to close is added to {@code failure}. */
    private static EmbeddedMariaDbException closing(FileChannel channel, EmbeddedMariaDbException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new EmbeddedMariaDbException(
                    Code.SERVER_FAILED, "cannot release the server directory lock: " + e.getMessage(), e);
        }
    }
}
