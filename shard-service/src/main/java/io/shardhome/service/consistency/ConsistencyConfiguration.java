package io.shardhome.service.consistency;

import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.jobs.JobRecords;
import io.shardhome.service.links.LinkHosting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Check records in the directory, and this instance's share of running them (for the links it runs). */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {
    @Bean
    JobRecords<CheckRecord> checkRecords(DirectoryAccess directory) {
        return new JobRecords<>(directory, "checks", CheckRecord.class);
    }

    @Bean(destroyMethod = "close")
    CheckHosting checkHosting(JobRecords<CheckRecord> checkRecords, LinkHosting links) {
        CheckHosting hosting = new CheckHosting(checkRecords, links, LinkCheck.Settings.DEFAULTS);
        hosting.start();
        return hosting;
    }
}
