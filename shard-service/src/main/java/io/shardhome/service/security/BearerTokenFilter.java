package io.shardhome.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the {@link TokenRegistry}. An unknown token
 * is answered 401 at once; requests without a bearer token pass on (to basic auth or to the 401 of the
 * authorization rules). Never logs the token.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private static final String PREFIX = "Bearer ";

    private final TokenRegistry tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(TokenRegistry tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenRegistry.Holder> holder =
                tokens.find(header.substring(PREFIX.length()).trim());
        if (holder.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("unknown bearer token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                holder.get().name(), null, holder.get().role().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
