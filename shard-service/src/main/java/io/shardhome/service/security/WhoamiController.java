package io.shardhome.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/whoami}: who the caller is and which role it has, so clients can adapt their UI. */
@RestController
@RequestMapping("/api/v1/whoami")
class WhoamiController {

    /** The caller's name and role ({@code admin} or {@code reader}). */
    record Whoami(String name, String role) {}

    @GetMapping
    Whoami whoami(Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> Role.ADMIN_AUTHORITY.equals(a.getAuthority()));
        return new Whoami(caller.getName(), admin ? "admin" : "reader");
    }
}
