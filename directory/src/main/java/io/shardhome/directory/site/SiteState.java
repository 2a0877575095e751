package io.shardhome.directory.site;

/** Operational state of a site's master as recorded in the directory. */
public enum SiteState {
    /** Takes writes for the shards homed there. */
    ACTIVE,
    /** Being emptied: no new shards should be homed there; existing ones keep working. */
    DRAINING,
    /**
     * Being seeded: the links into it leave out every shard whose copy there is not rebuilt yet (a site that
     * joins, or a dead site that returns); it homes nothing and becomes ACTIVE once its copies are seeded.
     */
    JOINING,
    /** Not reachable or taken out of service: no links run from or to it (a failover marks a dead site so). */
    DOWN
}
