package io.shardhome.spring;

import io.shardhome.client.MapSource;
import io.shardhome.client.feed.HttpMapSource;
import io.shardhome.client.zk.ZkMapSource;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application side, from a few properties ({@link ShardhomeClientProperties}): the map source (the
 * service's feed, or ZooKeeper), a routing {@code DataSource} with a HikariCP pool per site (lazy, so a
 * read-only transaction may be served by a fresh copy), {@link ShardId} parameters, and per-shard Flyway
 * migrations. Active when {@code shardhome.client.url} or {@code shardhome.client.zookeeper} is set.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.jdbc.JdbcRepositoriesAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration"
        })
@Conditional(ShardhomeClientAutoConfiguration.Configured.class)
@EnableConfigurationProperties(ShardhomeClientProperties.class)
public class ShardhomeClientAutoConfiguration {

    /** Either way to the map is configured. */
    static final class Configured extends AnyNestedCondition {
        Configured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("shardhome.client.url")
        static final class Http {}

        @ConditionalOnProperty("shardhome.client.zookeeper")
        static final class ZooKeeper {}
    }

    @Bean(destroyMethod = "close")
    MapSource shardhomeMapSource(ShardhomeClientProperties properties) {
        properties.validate();
        MapSource source = properties.url() != null
                ? HttpMapSource.start(properties.url(), properties.token())
                : ZkMapSource.start(
                        zooKeeper(properties),
                        properties.cluster(),
                        properties.reads().linkPoll(),
                        Duration.ofSeconds(10));
        try {
            source.awaitReady(properties.startTimeout());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    private static ZooKeeperSettings zooKeeper(ShardhomeClientProperties properties) {
        ZooKeeperSettings settings = ZooKeeperSettings.of(properties.zookeeper());
        String digest = properties.zookeeperDigest();
        if (digest != null && digest.contains(":")) {
            int colon = digest.indexOf(':');
            settings = settings.withDigest(digest.substring(0, colon), digest.substring(colon + 1));
        }
        return settings;
    }

    @Bean(destroyMethod = "close")
    ShardhomeRouting shardhomeRouting(MapSource source, ShardhomeClientProperties properties) {
        return new ShardhomeRouting(source, properties);
    }

    /**
     * The application's DataSource: connections are fetched lazily (at the first statement), so that a
     * read-only transaction goes to {@code routing.readOnly()}. Auto-commit on and REPEATABLE READ are
     * MySQL's and MariaDB's defaults; stating them spares a connection at start-up (there is no shard then).
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(DataSource.class)
    DataSource dataSource(ShardhomeRouting routing) {
        LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy(routing.routing());
        lazy.setReadOnlyDataSource(routing.routing().readOnly());
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return lazy;
    }

    /** Outside the transaction interceptor (which runs last), so the transaction's connection is the shard's. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor shardIdAdvisor(
            ObjectProvider<MapSource> source, ObjectProvider<ShardhomeClientProperties> properties) {
        ShardIdAdvice advice = new ShardIdAdvice(source, properties);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(advice, advice);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    /** Tells retries whether a commit failed (Spring Boot registers it with its transaction manager). */
    @Bean
    CommitWatch shardhomeCommitWatch() {
        return new CommitWatch();
    }

    /**
     * Spring Data JDBC would open a connection at start-up to find out which database it talks to; there
     * is no shard then. MySQL and MariaDB share this dialect (as in Spring Boot's {@code
     * spring.data.jdbc.dialect}); an application's own Dialect bean wins.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect")
    static class SpringDataJdbc {
        @Bean
        @ConditionalOnMissingBean(Dialect.class)
        Dialect shardhomeJdbcDialect() {
            return JdbcMySqlDialect.INSTANCE;
        }
    }

    /**
     * Actuator's database health would ask the routing DataSource for a connection without a shard; this
     * one reports the shard map instead (the sites' pools report their own metrics).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = {"dbHealthIndicator", "dbHealthContributor"})
        ShardMapHealth dbHealthIndicator(MapSource source) {
            return new ShardMapHealth(source);
        }
    }

    /** Flyway's start-up migration runs in every shard's schema at its home. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnProperty(name = "shardhome.client.migrate-shards", matchIfMissing = true)
    static class PerShardMigrations {
        @Bean
        @ConditionalOnBean(Flyway.class)
        ShardMigrations shardMigrations(Flyway flyway, MapSource source, ShardhomeClientProperties properties) {
            return new ShardMigrations(flyway.getConfiguration(), source, properties);
        }

        @Bean
        @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
        FlywayMigrationStrategy shardFlywayMigrationStrategy(MapSource source, ShardhomeClientProperties properties) {
            return flyway -> new ShardMigrations(flyway.getConfiguration(), source, properties).migrateAll();
        }
    }
}
