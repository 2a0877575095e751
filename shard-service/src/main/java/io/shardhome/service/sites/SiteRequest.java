package io.shardhome.service.sites;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code PUT /sites/{site}}. Immutable.
 *
 * @param host the master's host name or address
 * @param port the master's MySQL port
 * @param jdbcParams optional JDBC URL parameters without {@code ?}; must not contain credentials
 * @param region optional region or label
 * @param state optional; ACTIVE when absent
 */
public record SiteRequest(
        @NotBlank(message = "give the master's host name or address") String host,
        @Min(value = 1, message = "use a port in 1..65535") @Max(value = 65535, message = "use a port in 1..65535")
                int port,
        String jdbcParams,
        String region,
        SiteState state) {
    Site toSite(String name) {
        return new Site(name, host.trim(), port, jdbcParams, region, state);
    }
}
