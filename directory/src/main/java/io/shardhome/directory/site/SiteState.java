package io.shardhome.directory.site;

/** Operational state of a site's master as recorded in the directory. */
public enum SiteState {
    /** Takes writes for the shards homed there. */
    ACTIVE,
    /** Being emptied: no new shards should be homed there; existing ones keep working. */
    DRAINING,
    /** Not reachable or taken out of service. */
    DOWN
}
