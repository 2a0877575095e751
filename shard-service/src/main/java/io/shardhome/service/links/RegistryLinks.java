package io.shardhome.service.links;

import io.shardhome.directory.site.Site;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links from the site registry: every two registered sites this instance has credentials for are linked
 * both ways. Each publish interval the registry is compared with what is offered: a new site's links are
 * offered (each starts at its source's position when it first runs), a removed site's are withdrawn. A
 * site's state is the hosted link's business (no link runs from or to a DOWN site, none from a JOINING one)
 * and so is a changed endpoint (the running link follows it by GTID). Start once; close is idempotent.
 */
final class RegistryLinks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryLinks.class);

    private final LinkHosting hosting;
    private final DirectoryAccess directory;
    private final ShardhomeProperties properties;
    private final ScheduledExecutorService thread;
    private final Set<String> offered = new HashSet<>();

    RegistryLinks(LinkHosting hosting, DirectoryAccess directory, ShardhomeProperties properties) {
        this.hosting = hosting;
        this.directory = directory;
        this.properties = properties;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-links");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long every = Math.max(1, properties.links().publishInterval().toMillis());
        thread.scheduleWithFixedDelay(this::reconcile, 0, every, TimeUnit.MILLISECONDS);
    }

    private void reconcile() {
        try {
            List<String> sites = directory.snapshot().sites().values().stream()
                    .map(Site::name)
                    .filter(this::hasCredentials)
                    .sorted()
                    .toList();
            Set<String> wanted = new HashSet<>();
            for (String source : sites) {
                for (String target : sites) {
                    if (!source.equals(target)) {
                        wanted.add(source + "->" + target);
                        if (!offered.contains(source + "->" + target)) {
                            hosting.offer(source, target);
                        }
                    }
                }
            }
            for (String id : Set.copyOf(offered)) {
                if (!wanted.contains(id)) {
                    hosting.withdraw(id);
                }
            }
            offered.clear();
            offered.addAll(wanted);
        } catch (RuntimeException e) {
            log.warn("links from the site registry could not be brought up to date ({}); retrying", e.toString());
        }
    }

    private boolean hasCredentials(String site) {
        ShardhomeProperties.SiteCredentials account =
                properties.siteCredentials().get(site);
        return account != null && account.user() != null;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the registry links' thread did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
