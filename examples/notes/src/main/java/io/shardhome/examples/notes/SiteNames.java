package io.shardhome.examples.notes;

import io.shardhome.client.MapSource;
import io.shardhome.directory.site.Site;
import org.springframework.stereotype.Component;

/** Names the site of a master from its port, for answers (the demo's sites share one host). */
@Component
public class SiteNames {
    private final MapSource map;

    public SiteNames(MapSource map) {
        this.map = map;
    }

    public String byPort(int port) {
        return map.snapshot().sites().values().stream()
                .filter(site -> site.port() == port)
                .map(Site::name)
                .findFirst()
                .orElse("port " + port);
    }
}
