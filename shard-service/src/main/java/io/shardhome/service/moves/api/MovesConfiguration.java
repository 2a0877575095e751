package io.shardhome.service.moves.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Joins the move leader election once the directory is up; leaves it before the directory goes down.
 * Exports the moves' metrics.
 */
@Configuration(proxyBeanMethods = false)
class MovesConfiguration {
    @Bean(destroyMethod = "close")
    MoveHosting moveHosting(DirectoryAccess directory, ShardhomeProperties properties) {
        MoveHosting hosting = new MoveHosting(directory, properties);
        try {
            hosting.start();
        } catch (Exception e) {
            hosting.close();
            throw new ServiceException(
                    Code.DIRECTORY_UNAVAILABLE,
                    "could not join the move leader election (" + e.getMessage() + "); check ZooKeeper",
                    Map.of(),
                    e);
        }
        return hosting;
    }

    @Bean(destroyMethod = "close")
    MoveMetrics moveMetrics(MoveHosting hosting, MeterRegistry registry) {
        MoveMetrics metrics = new MoveMetrics(hosting, registry, Duration.ofSeconds(1));
        metrics.start();
        return metrics;
    }
}
