package io.shardhome.links.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spare masters for local promotions in tests: a second MariaDB server for a site, loaded from a consistent
 * dump of the site's master ({@code mariadb-dump --single-transaction --master-data=2}) and made its native
 * GTID replica ({@code MASTER_USE_GTID=slave_pos}), as an operator prepares a server to promote. MariaDB
 * only. Each call starts its own server in a directory of its own (not shared); it stops with the JVM.
 */
public final class SpareMasters {
    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("mysql", "information_schema", "performance_schema", "sys");
    private static final Pattern DUMP_POSITION = Pattern.compile("gtid_slave_pos\\s*=\\s*'([^']*)'");
    private static final long TOOL_PATIENCE_MINUTES = 5;
    private static final AtomicInteger STARTED = new AtomicInteger();

    private SpareMasters() {}

    /**
     * A running native replica of {@code master}: {@code server_id} 100 + the master's (a replica must
     * differ from its master), the master's {@code gtid_domain_id}, {@code log_slave_updates} (the master's
     * transactions reach its own binlog), {@code read_only}, the binlog settings and accounts of every site
     * master; its binlog state starts at the dump's position, so a reader positioned anywhere since then is
     * served. To promote it: {@code STOP SLAVE}, {@code RESET SLAVE ALL}, {@code read_only=OFF}.
     */
    public static MariaDbSite replicaOf(MariaDbSite master) {
        Flavour.assumeMariaDb("a spare master is set up with MariaDB's GTID replication");
        int spareId = 100 + master.serverId();
        List<String> args = List.of(
                "--server-id=" + spareId,
                "--gtid-domain-id=" + master.serverId(),
                "--log-slave-updates=ON",
                "--read-only=ON");
        AtomicReference<MariaDbServer> server = new AtomicReference<>();
        MariaDbSite spare = MariaDbSite.start(master.site(), master.serverId(), master.flavour(), (site, id) -> {
            server.set(MariaDbServer.start(site, site + "-spare-" + STARTED.incrementAndGet(), spareId, args));
            return server.get();
        });
        String position = load(master, spare, server.get());
        spare.execute(
                "RESET MASTER",
                "SET GLOBAL gtid_binlog_state = '" + position + "'",
                "SET GLOBAL gtid_slave_pos = '" + position + "'",
                "CHANGE MASTER TO MASTER_HOST='" + master.host() + "', MASTER_PORT=" + master.port()
                        + ", MASTER_USER='" + MariaDbSite.USER + "', MASTER_PASSWORD='" + MariaDbSite.PASSWORD
                        + "', MASTER_USE_GTID=slave_pos",
                "START SLAVE");
        return spare;
    }

    /** Dumps the master's user schemas into the spare (unlogged there); returns the dump's GTID position. */
    private static String load(MariaDbSite master, MariaDbSite spare, MariaDbServer server) {
        List<String> schemas = new ArrayList<>();
        for (List<String> row : master.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            if (!SYSTEM_SCHEMAS.contains(row.get(0))) {
                schemas.add(row.get(0));
            }
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("the master of " + master.site() + " has no schema to load a spare from");
        }
        Path dump = server.directory().resolve("dump.sql");
        List<String> dumpCommand = new ArrayList<>(client(server, "mariadb-dump", master));
        dumpCommand.addAll(List.of("--single-transaction", "--master-data=2", "--databases"));
        dumpCommand.addAll(schemas);
        run(new ProcessBuilder(dumpCommand).redirectOutput(dump.toFile()), server, "dump");
        List<String> loadCommand = new ArrayList<>(client(server, "mariadb", spare));
        loadCommand.add("--init-command=SET SESSION sql_log_bin=0");
        run(new ProcessBuilder(loadCommand).redirectInput(dump.toFile()), server, "load");
        try {
            Matcher position = DUMP_POSITION.matcher(Files.readString(dump, StandardCharsets.UTF_8));
            if (!position.find()) {
                throw new IllegalStateException("the dump " + dump + " names no gtid_slave_pos");
            }
            return position.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the dump " + dump, e);
        }
    }

    private static List<String> client(MariaDbServer server, String program, MariaDbSite at) {
        return List.of(
                server.binaries().resolve(program).toString(),
                "--protocol=TCP",
                "--host=" + at.host(),
                "--port=" + at.port(),
                "--user=" + MariaDbSite.USER,
                "--password=" + MariaDbSite.PASSWORD);
    }

    private static void run(ProcessBuilder builder, MariaDbServer server, String step) {
        Path errors = server.directory().resolve(step + ".err");
        builder.redirectError(errors.toFile());
        try {
            Process process = builder.start();
            if (!process.waitFor(TOOL_PATIENCE_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the spare's " + step + " did not finish within "
                        + TOOL_PATIENCE_MINUTES + " min: " + builder.command().get(0));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the spare's " + step + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the spare's " + step + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the spare's " + step, e);
        }
    }
}
