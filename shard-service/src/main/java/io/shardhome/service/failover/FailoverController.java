package io.shardhome.service.failover;

import io.shardhome.service.security.Actors;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/sites/{site}/failover}: re-homes a dead site's shards at the survivors (admin; see
 * {@link SiteFailover}). Query parameters: {@code to} (one site takes every shard), {@code spread} (spread
 * them; the default), {@code dryRun} (plan and loss report only). {@code POST .../return} and {@code POST
 * .../activate} bring it back (see {@link SiteReturn}).
 */
@RestController
@RequestMapping("/api/v1/sites/{site}")
class FailoverController {
    private final SiteFailover failover;
    private final SiteReturn returns;

    FailoverController(SiteFailover failover, SiteReturn returns) {
        this.failover = failover;
        this.returns = returns;
    }

    /** A failed-over site is back: fence it, list its orphans, mark it JOINING. */
    @PostMapping("/return")
    ReturnBody returnSite(@PathVariable String site) throws InterruptedException {
        return returns.returnSite(site, Actors.current());
    }

    /** Its copies are re-seeded: links from it start after its orphans, and it is ACTIVE. */
    @PostMapping("/activate")
    Map<String, String> activate(@PathVariable String site) {
        String from = returns.activate(site, Actors.current());
        return Map.of("site", site, "state", "ACTIVE", "linksStartAfter", from);
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
