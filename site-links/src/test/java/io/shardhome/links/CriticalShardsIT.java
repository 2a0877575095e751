package io.shardhome.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN rule 7 against real MariaDB: with 4 apply channels, a critical shard's transactions apply alone,
 * in source order, after everything committed before them at the source and before everything after.
 *
 * <p>How it is observed: the target's own binlog, read from where the workload starts, lists every row the
 * link applied in commit order ({@code n}) with the row's source order ({@code seq}), and which tables each
 * target transaction wrote. A row lock at the target holds the channel of one shard, so the other channels
 * run ahead of it (this shows the apply is parallel at all); a critical transaction queued behind that
 * must wait for it.
 */
@RequiresSiteMasters
class CriticalShardsIT {
    private static final int CHANNELS = 4;
    private static final List<String> SHARDS =
            IntStream.range(0, 8).mapToObj(i -> "plain" + i).toList();
    private static final String CRITICAL = "vip";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc");

    /** One source transaction: its place in source order and what it wrote. */
    private record SourceTx(int seq, String shard, String sql) {}

    /** One row the link applied at the target, as the audit trigger saw it. */
    private record Applied(long n, String shard, int seq) {}

    @Test
    void criticalShardTransactionsApplyAloneInOrderAfterEverythingBeforeThem() throws Exception {
        Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        LinkHarness harness = links.harness();
        SHARDS.forEach(shard -> harness.define(shard, "sjc"));
        defineCritical(harness);
        Link link = harness.started(
                LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                        .withChannels(CHANNELS));
        createTables(link);

        List<SourceTx> workload = workload();
        List<String> binlogStart = nyc.rows("SHOW MASTER STATUS").get(0).subList(0, 2);
        try (Connection lock = nyc.connect();
                Statement held = lock.createStatement()) {
            lock.setAutoCommit(false);
            held.execute("SELECT * FROM plain0.t WHERE id = 0 FOR UPDATE");
            workload.forEach(tx -> sjc.execute(tx.sql()));

            // Other channels apply what came after plain0's held update: the apply really is parallel.
            await().atMost(PATIENCE).until(() -> applied(binlogStart).stream()
                    .anyMatch(a -> !a.shard().equals("plain0")));
            // The first critical transaction waits for plain0's channel, which is held.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> applied(binlogStart).stream()
                            .noneMatch(a -> a.shard().equals(CRITICAL)));
            lock.rollback();
        }
        LinkHarness.awaitCaughtUp(link, "sjc");
        await().atMost(PATIENCE).until(() -> applied(binlogStart).size() == workload.size());

        List<Applied> applied = applied(binlogStart);
        assertThat(applied.stream().filter(a -> !a.shard().equals("plain0")).findFirst())
                .as("a shard on another channel applied before the held plain0 update (seq 1)")
                .hasValueSatisfying(a -> assertThat(a.seq()).isGreaterThan(1));
        List<Applied> critical =
                applied.stream().filter(a -> a.shard().equals(CRITICAL)).toList();
        assertThat(critical).extracting(Applied::seq).isSorted().hasSize(3);
        for (Applied c : critical) {
            assertThat(applied)
                    .as("everything before critical seq %d at the source applied before it", c.seq())
                    .filteredOn(a -> a.seq() < c.seq())
                    .allSatisfy(a -> assertThat(a.n()).isLessThan(c.n()));
            assertThat(applied)
                    .as("everything after critical seq %d at the source applied after it", c.seq())
                    .filteredOn(a -> a.seq() > c.seq())
                    .allSatisfy(a -> assertThat(a.n()).isGreaterThan(c.n()));
        }
        List<List<String>> withCritical = targetTransactions(binlogStart).stream()
                .filter(tables -> tables.contains(CRITICAL + ".t"))
                .toList();
        assertThat(withCritical)
                .as("each critical transaction is a target transaction of its own, with no other shard")
                .hasSize(critical.size())
                .allSatisfy(tables -> assertThat(tables).noneMatch(t -> t.startsWith("plain")));
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        for (String shard : allShards()) {
            assertThat(nyc.rows("SELECT * FROM " + shard + ".t ORDER BY id"))
                    .as(shard)
                    .isEqualTo(sjc.rows("SELECT * FROM " + shard + ".t ORDER BY id"));
        }
    }

    private static void defineCritical(LinkHarness harness) {
        var store = harness.directory().store();
        long version = store.createShard(ShardDefinition.of(CRITICAL, "sjc", true), store.version());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> harness.view().current().version() >= version);
    }

    private static List<String> allShards() {
        List<String> all = new ArrayList<>(SHARDS);
        all.add(CRITICAL);
        return all;
    }

    /** Tables at the source (replicated to the target). */
    private void createTables(Link link) {
        for (String shard : allShards()) {
            sjc.execute("CREATE DATABASE " + shard, "CREATE TABLE " + shard + ".t (id INT PRIMARY KEY, seq INT)");
        }
        sjc.execute("INSERT INTO plain0.t VALUES (0, 0)");
        LinkHarness.awaitCaughtUp(link, "sjc");
    }

    /**
     * In source order: plain0's row is updated (held at the target), every other shard is written, the
     * critical shard, all shards again, the critical shard, again, the critical shard, and a last round.
     */
    private static List<SourceTx> workload() {
        List<SourceTx> txs = new ArrayList<>();
        txs.add(new SourceTx(1, "plain0", "UPDATE plain0.t SET seq = 1 WHERE id = 0"));
        int[] id = {1};
        for (int round = 0; round < 4; round++) {
            for (String shard : SHARDS) {
                if (round == 0 && shard.equals("plain0")) {
                    continue;
                }
                txs.add(insert(txs.size() + 1, shard, id[0]++));
            }
            if (round < 3) {
                txs.add(insert(txs.size() + 1, CRITICAL, id[0]++));
            }
        }
        return txs;
    }

    private static SourceTx insert(int seq, String shard, int id) {
        return new SourceTx(seq, shard, "INSERT INTO " + shard + ".t VALUES (" + id + ", " + seq + ")");
    }

    /**
     * Every row of the shards' tables written in the target's binlog since {@code start} (file, position), in
     * commit order, with its {@code seq} (the new value of an update).
     */
    private List<Applied> applied(List<String> start) throws Exception {
        List<Applied> applied = new ArrayList<>();
        java.util.Map<Long, String> schemas = new java.util.HashMap<>();
        com.github.shyiko.mysql.binlog.BinaryLogClient client = new com.github.shyiko.mysql.binlog.BinaryLogClient(
                nyc.host(), nyc.port(), MariaDbSite.USER, MariaDbSite.PASSWORD);
        client.setServerId(900_000 + (long) (Math.random() * 99_999));
        client.setBlocking(false);
        client.setBinlogFilename(start.get(0));
        client.setBinlogPosition(Long.parseLong(start.get(1)));
        client.registerEventListener(event -> {
            Object data = event.getData();
            if (data instanceof com.github.shyiko.mysql.binlog.event.TableMapEventData map) {
                schemas.put(map.getTableId(), map.getDatabase());
            } else if (data instanceof com.github.shyiko.mysql.binlog.event.WriteRowsEventData rows) {
                rows.getRows().forEach(row -> record(applied, schemas.get(rows.getTableId()), row));
            } else if (data instanceof com.github.shyiko.mysql.binlog.event.UpdateRowsEventData rows) {
                rows.getRows().forEach(row -> record(applied, schemas.get(rows.getTableId()), row.getValue()));
            }
        });
        client.connect();
        return applied;
    }

    private static void record(List<Applied> applied, String shard, java.io.Serializable[] row) {
        if (allShards().contains(shard)) {
            applied.add(new Applied(applied.size() + 1, shard, ((Number) row[1]).intValue()));
        }
    }

    /**
     * The tables each transaction in the target's binlog since {@code start} (file, position) wrote, in
     * commit order, from its table-map events ({@code table_id: 38 (vip.t)}).
     */
    private List<List<String>> targetTransactions(List<String> start) {
        List<List<String>> transactions = new ArrayList<>();
        List<String> current = null;
        for (List<String> log : nyc.rows("SHOW BINARY LOGS")) {
            String file = log.get(0);
            if (file.compareTo(start.get(0)) < 0) {
                continue;
            }
            String from = file.equals(start.get(0)) ? " FROM " + start.get(1) : "";
            for (List<String> event : nyc.rows("SHOW BINLOG EVENTS IN '" + file + "'" + from)) {
                String type = event.get(2);
                String info = event.get(5);
                if (type.equals("Gtid")) {
                    current = new ArrayList<>();
                } else if (type.equals("Table_map") && current != null) {
                    current.add(info.substring(info.indexOf('(') + 1, info.lastIndexOf(')')));
                } else if (type.equals("Xid") && current != null) {
                    transactions.add(current);
                    current = null;
                }
            }
        }
        return transactions;
    }
}
