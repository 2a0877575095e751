package io.shardhome.service.grants;

import io.shardhome.service.grants.GrantDrift.Problem;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/grants/check}. Immutable.
 *
 * @param shards how many shards the map has
 * @param sites each site: whether it could be checked, how many problems it has, or why it was not checked
 * @param problems the problems, at most {@link #MAX_LISTED}
 * @param totalProblems how many there are in all
 * @param drift whether anything differs or a site could not be checked
 */
public record GrantCheckBody(
        int shards, List<SiteResult> sites, List<Problem> problems, int totalProblems, boolean drift) {
    static final int MAX_LISTED = 1000;

    /** One site's result. */
    public record SiteResult(String site, boolean checked, int problems, String error) {}

    static GrantCheckBody of(int shards, List<SiteResult> sites, List<Problem> problems) {
        boolean unchecked = sites.stream().anyMatch(s -> !s.checked());
        return new GrantCheckBody(
                shards,
                List.copyOf(sites),
                problems.stream().limit(MAX_LISTED).toList(),
                problems.size(),
                unchecked || !problems.isEmpty());
    }
}
