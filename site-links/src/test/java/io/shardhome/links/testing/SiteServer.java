package io.shardhome.links.testing;

import java.util.Optional;

/**
 * One running master of a test site, as its {@link Flavour} starts it: binlog on (ROW, full images, full
 * row metadata, GTIDs), its own {@code server_id}, and the accounts {@link MariaDbSite#USER} and {@link
 * MariaDbSite#LINK_USER} with all privileges, created without writing the binlog. {@link MariaDbSite}
 * does everything else over JDBC. Implementations are thread-safe for {@link #host()} and {@link
 * #port()}; {@link #restart()} is called by one thread at a time.
 */
public interface SiteServer {
    /** The host clients connect to. */
    String host();

    /** The TCP port clients connect to; the same after {@link #restart()}. */
    int port();

    /** Stops and starts the master keeping its host, port and data: a target restart mid-stream. */
    void restart();

    /**
     * Kills the master's server process with SIGKILL (a crash: no clean shutdown, nothing flushed by it);
     * {@link #restart()} starts it again with its data.
     *
     * @throws UnsupportedOperationException when this flavour's masters cannot be killed from the test
     */
    default void kill() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot kill its master");
    }

    /** Starts the masters of one {@link Flavour}. */
    @FunctionalInterface
    interface Factory {
        /**
         * Starts the master of {@code site}.
         *
         * @param id its {@code server_id} (MariaDB: also its {@code gtid_domain_id}), unique in the run
         * @throws IllegalStateException when the server cannot be started
         */
        SiteServer start(String site, int id);

        /**
         * Why masters of this flavour cannot start on this machine (e.g. no Docker engine), or empty when
         * they can; tests needing sites are then skipped with this message.
         */
        default Optional<String> unavailableReason() {
            return Optional.empty();
        }
    }
}
