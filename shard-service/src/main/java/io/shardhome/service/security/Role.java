package io.shardhome.service.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do: {@code reader} reads and looks up; {@code admin} may do everything. */
public enum Role {
    READER,
    ADMIN;

    static final String READER_AUTHORITY = "ROLE_READER";
    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /** The authorities granted; admin includes reader. */
    public List<GrantedAuthority> authorities() {
        return this == ADMIN
                ? List.of(new SimpleGrantedAuthority(ADMIN_AUTHORITY), new SimpleGrantedAuthority(READER_AUTHORITY))
                : List.of(new SimpleGrantedAuthority(READER_AUTHORITY));
    }
}
