package io.shardhome.client.testing;

import io.shardhome.directory.client.ShardContext;
import io.shardhome.spring.ShardId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A minimal application service on the starter, over a shard's table {@code orders} (see {@link
 * Shards#define}): writes record the server that took them ({@code @@server_id}) and when.
 */
public class Orders {
    private final JdbcTemplate jdbc;

    public Orders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts order {@code id} at the shard's home; returns the server id that took it. */
    @Transactional
    public int add(@ShardId String shard, long id) {
        jdbc.update("INSERT INTO orders (id, written_by, written_at) VALUES (?, @@server_id, NOW(6))", id);
        return jdbc.queryForObject("SELECT @@server_id", Integer.class);
    }

    /** The server id that serves read-only work on the shard (its home, or a fresh copy). */
    @Transactional(readOnly = true)
    public int readFrom(@ShardId String shard) {
        return jdbc.queryForObject("SELECT @@server_id", Integer.class);
    }

    /** How many orders the shard holds, read where read-only work goes. */
    @Transactional(readOnly = true)
    public long count(@ShardId String shard) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class);
    }

    /** One transaction on {@code shard} that also tries to write {@code other}: must fail as a whole. */
    @Transactional
    public void addToTwoShards(@ShardId String shard, String other, long id) {
        jdbc.update("INSERT INTO orders (id, written_by, written_at) VALUES (?, @@server_id, NOW(6))", id);
        ShardContext.run(
                other,
                () -> jdbc.update(
                        "INSERT INTO orders (id, written_by, written_at) VALUES (?, @@server_id, NOW(6))", id));
    }
}
