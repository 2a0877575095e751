package io.shardhome.service.reseed;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.links.LinkHosting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Re-seed records in the directory, and this instance's share of running them (for the links it runs). */
@Configuration(proxyBeanMethods = false)
class ReseedConfiguration {
    @Bean
    JobRecords<ReseedRecord> reseedRecords(DirectoryAccess directory) {
        return new JobRecords<>(directory, "reseeds", ReseedRecord.class);
    }

    @Bean(destroyMethod = "close")
    ReseedHosting reseedHosting(JobRecords<ReseedRecord> reseedRecords, LinkHosting links, DirectoryAccess directory) {
        ReseedHosting hosting = new ReseedHosting(reseedRecords, links, directory.view(), Reseeder.Settings.DEFAULTS);
        hosting.start();
        return hosting;
    }
}
