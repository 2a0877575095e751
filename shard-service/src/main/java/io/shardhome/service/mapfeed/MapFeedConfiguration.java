package io.shardhome.service.mapfeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shardhome.service.config.DirectoryAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the map feed to the service's live view of the directory, with a gauge of open streams. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapFeedProperties.class)
public class MapFeedConfiguration {
    @Bean(destroyMethod = "close")
    MapFeed mapFeed(
            DirectoryAccess directory,
            MapFeedProperties settings,
            ObjectMapper json,
            ObjectProvider<MeterRegistry> meters) {
        MapFeed feed = new MapFeed(directory, settings, json);
        meters.ifAvailable(registry -> Gauge.builder("shardhome.map.feed.watchers", feed, MapFeed::watchers)
                .description("map feed streams open on this instance")
                .register(registry));
        return feed;
    }
}
