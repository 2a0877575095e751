package io.shardhome.service.links;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts hosting the configured links once the directory is up; stops them before it goes down. */
@Configuration(proxyBeanMethods = false)
class LinksConfiguration {
    @Bean(destroyMethod = "close")
    LinkHosting linkHosting(DirectoryAccess directory, ShardhomeProperties properties) {
        LinkHosting hosting = new LinkHosting(directory, properties);
        hosting.start();
        return hosting;
    }
}
