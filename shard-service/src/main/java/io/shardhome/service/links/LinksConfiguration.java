package io.shardhome.service.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts hosting the configured links once the directory is up, and stops them before it goes down; reads
 * every link's published status (with its freshness) for the API, the lag history and the metrics.
 */
@Configuration(proxyBeanMethods = false)
class LinksConfiguration {
    @Bean
    LinkMetrics linkMetrics(MeterRegistry registry) {
        return new LinkMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    LinkHosting linkHosting(DirectoryAccess directory, ShardhomeProperties properties, LinkMetrics metrics) {
        LinkHosting hosting = new LinkHosting(directory, properties, metrics);
        hosting.start();
        return hosting;
    }

    @Bean
    PublishedLinks publishedLinks(DirectoryAccess directory, ObjectMapper json, ShardhomeProperties properties) {
        return new PublishedLinks(
                directory,
                json,
                LinkFreshness.forPublishInterval(properties.links().publishInterval()));
    }

    @Bean(destroyMethod = "close")
    LinkHistory linkHistory(PublishedLinks published, ShardhomeProperties properties, LinkMetrics metrics) {
        LinkHistory history =
                new LinkHistory(published, properties.links().historyInterval(), metrics::observePublished);
        history.start();
        return history;
    }
}
