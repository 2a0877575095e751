package io.shardhome.filter.map;

import io.shardhome.filter.ShardFilterException;
import io.shardhome.filter.ShardFilterException.Code;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a shard takes its writes: one site, or {@link #LOCAL} (each site keeps its own, unshared
 * copy that never leaves it). Immutable.
 */
public record Home(String value) {
    /** The text of the local home in shard maps. */
    public static final String LOCAL_TEXT = "#LOCAL";

    public static final Home LOCAL = new Home(LOCAL_TEXT);

    /**
     * Shared instances per site name, so that a map's many definitions point at a handful of homes
     * that stay in the CPU cache on the rules' hot path. Bounded: past the limit homes are simply not
     * shared.
     */
    private static final int MAX_SHARED_SITES = 1024;

    private static final Map<String, Home> SHARED_SITES = new ConcurrentHashMap<>();

    public Home {
        Objects.requireNonNull(value, "value");
        if (!LOCAL_TEXT.equals(value)) {
            Names.requireSiteName(value);
        }
    }

    /**
     * Parses a home as written in shard maps: a site name or {@code #LOCAL} (case-insensitive).
     * Returns a shared instance for each site name.
     */
    public static Home parse(String text) {
        if (text != null && LOCAL_TEXT.equalsIgnoreCase(text)) {
            return LOCAL;
        }
        if (text != null && text.startsWith("#")) {
            throw new ShardFilterException(
                    Code.INVALID_SITE_NAME, "home '" + text + "' is invalid; the only special home is " + LOCAL_TEXT);
        }
        return site(text);
    }

    /** A home at the named site (a shared instance). */
    public static Home site(String site) {
        if (LOCAL_TEXT.equals(site)) {
            return LOCAL;
        }
        Home shared = SHARED_SITES.get(Objects.requireNonNull(site, "site"));
        if (shared != null) {
            return shared;
        }
        Home home = new Home(site);
        if (SHARED_SITES.size() < MAX_SHARED_SITES) {
            Home raced = SHARED_SITES.putIfAbsent(site, home);
            return raced != null ? raced : home;
        }
        return home;
    }

    public boolean isLocal() {
        return this == LOCAL || LOCAL_TEXT.equals(value);
    }

    /** True when this home is the given site (never for {@link #LOCAL}). */
    public boolean isSite(String site) {
        return value.equals(site) && !isLocal();
    }

    @Override
    public String toString() {
        return value;
    }
}
