package io.shardhome.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.shardhome.client.MapSource;
import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.ShardhomeClientException.Code;
import io.shardhome.directory.client.ShardLocation;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Flyway migrations ({@code spring.flyway.*}), run in each shard's own schema at the
 * shard's home master (created there if missing, with the application's account); the links carry the
 * schema changes to the copies like any other transaction of the shard. Spring Boot's start-up migration
 * calls {@link #migrateAll()}; call {@link #migrate(String)} for a shard created later. Thread-safe.
 */
public final class ShardMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(ShardMigrations.class);

    private final Configuration base;
    private final MapSource source;
    private final SitePools pools;
    private final String localSite;

    ShardMigrations(Configuration base, MapSource source, ShardhomeClientProperties properties) {
        this.base = base;
        this.source = source;
        this.pools = new SitePools(properties);
        this.localSite = properties.localSite();
    }

    /**
     * Migrates every shard of the map ({@code #LOCAL} ones at the local site, if one is configured).
     *
     * @return the shards migrated
     * @throws ShardhomeClientException {@code UNAVAILABLE} naming the shard whose migration failed
     */
    public List<String> migrateAll() {
        List<String> done = new ArrayList<>();
        Map<String, HikariDataSource> bySite = new HashMap<>();
        try {
            for (ShardEntry entry : source.snapshot().sortedEntries()) {
                if (entry.home().isLocal() && localSite == null) {
                    continue;
                }
                migrate(entry.shardId(), bySite);
                done.add(entry.shardId());
            }
        } finally {
            bySite.values().forEach(HikariDataSource::close);
        }
        LOG.info("migrated {} shard schema(s) at their homes", done.size());
        return done;
    }

    /** Migrates one shard's schema at its home. @throws ShardhomeClientException as {@link #migrateAll()} */
    public void migrate(String shard) {
        Map<String, HikariDataSource> bySite = new HashMap<>();
        try {
            migrate(shard, bySite);
        } finally {
            bySite.values().forEach(HikariDataSource::close);
        }
    }

    private void migrate(String shard, Map<String, HikariDataSource> bySite) {
        ShardLocation location = new ShardLocator(source).locate(shard);
        if (location.isFenced()) {
            throw new ShardhomeClientException(
                    Code.UNAVAILABLE, "shard " + shard + " is being moved (FENCED); migrate it once the move ends");
        }
        if (location.master() == null && localSite == null) {
            throw new ShardhomeClientException(
                    Code.INVALID_CONFIG,
                    "shard " + shard + " is #LOCAL: migrating it needs shardhome.client.local-site (the site whose"
                            + " copy to migrate)");
        }
        Site home = location.master() != null ? location.master() : new ShardLocator(source).siteNamed(localSite);
        HikariDataSource pool = bySite.computeIfAbsent(home.name(), n -> (HikariDataSource) pools.create(home));
        try {
            Flyway.configure(base.getClassLoader())
                    .configuration(base)
                    .dataSource(pool)
                    .schemas(shard)
                    .defaultSchema(shard)
                    .createSchemas(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ShardhomeClientException(
                    Code.UNAVAILABLE,
                    "migrating shard " + shard + " at its home " + home.name() + " failed: " + e.getMessage()
                            + "; the account needs CREATE, ALTER, INDEX and DROP on the shard's schema there",
                    e);
        }
    }
}
