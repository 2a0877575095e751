package io.shardhome.filter.rules;

import io.shardhome.filter.map.Names;

/** The two ends of a link: it reads the source site's master and writes the target site's master. */
public record LinkRoles(String sourceSite, String targetSite) {
    public LinkRoles {
        Names.requireSiteName(sourceSite);
        Names.requireSiteName(targetSite);
        if (sourceSite.equals(targetSite)) {
            throw new IllegalArgumentException("a link needs two different sites, got " + sourceSite + " twice");
        }
    }

    /** The conventional link id, {@code source->target}. */
    public String linkId() {
        return sourceSite + "->" + targetSite;
    }
}
