package io.shardhome.service.grants;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/grants/check}: compares every site's grants with the shard map (admin: it connects to
 * every master). 200 with {@code drift} false when everything matches.
 */
@RestController
@RequestMapping("/api/v1/grants")
class GrantsController {
    private final SiteGrants grants;

    GrantsController(SiteGrants grants) {
        this.grants = grants;
    }

    @PostMapping("/check")
    GrantCheckBody check() {
        return grants.check();
    }
}
