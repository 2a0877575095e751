package io.shardhome.directory.feed;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;

/** One site on the map feed (no credentials: there are none in the directory). Immutable. */
public record SiteJson(String name, String host, int port, String jdbcParams, String label, String state) {

    static SiteJson of(Site site) {
        return new SiteJson(
                site.name(),
                site.host(),
                site.port(),
                site.jdbcParams(),
                site.label(),
                site.state().name());
    }

    /** @throws MapFeedException {@code INVALID_EVENT} naming the site when a field is not valid */
    Site toSite() {
        try {
            return new Site(name, host, port, jdbcParams, label, state == null ? null : SiteState.valueOf(state));
        } catch (RuntimeException e) {
            throw new MapFeedException(
                    MapFeedException.Code.INVALID_EVENT,
                    "the map feed sent site " + this + " which is not valid (" + e.getMessage() + ")",
                    e);
        }
    }
}
