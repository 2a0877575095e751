package io.shardhome.service.failover;

import io.shardhome.service.security.Actors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/sites/{site}/failover}: re-homes a dead site's shards at the survivors (admin; see
 * {@link SiteFailover}). Query parameters: {@code to} (one site takes every shard), {@code spread} (spread
 * them; the default), {@code dryRun} (plan and loss report only).
 */
@RestController
@RequestMapping("/api/v1/sites/{site}")
class FailoverController {
    private final SiteFailover failover;

    FailoverController(SiteFailover failover) {
        this.failover = failover;
    }

    @PostMapping("/failover")
    FailoverBody failover(
            @PathVariable String site,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean spread,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return failover.failover(site, to == null || to.isBlank() ? null : to.trim(), spread, dryRun, Actors.current());
    }
}
