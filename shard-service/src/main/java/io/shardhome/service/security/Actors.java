package io.shardhome.service.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name recorded in the audit trail for the current request's caller. */
public final class Actors {
    private Actors() {}

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "anonymous" : "api:" + auth.getName();
    }
}
