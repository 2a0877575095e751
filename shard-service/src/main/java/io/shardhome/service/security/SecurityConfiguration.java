package io.shardhome.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardhome.service.config.ShardhomeProperties;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every call needs credentials except health. {@code reader}: GETs (including lookup, metrics and the
 * OpenAPI description); {@code admin}: everything. Bearer tokens and basic users come from {@code
 * shardhome.security}; without either, an admin token is generated into the data directory.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    TokenRegistry tokenRegistry(ShardhomeProperties properties) {
        ShardhomeProperties.Security security = properties.security();
        TokenRegistry.Builder builder = TokenRegistry.builder();
        security.tokens().forEach(t -> builder.add(t.name(), t.token(), t.role()));
        if (!security.hasCredentials()) {
            Path file = properties
                    .dataDir()
                    .resolve(security.adminTokenFile())
                    .toAbsolutePath()
                    .normalize();
            builder.add("admin", AdminTokenFile.loadOrCreate(file), Role.ADMIN);
            log.info(
                    "no credentials configured (shardhome.security.tokens/users): the admin token is in {} (owner-only);"
                            + " the CLI reads it from there, other clients send it as 'Authorization: Bearer <token>'",
                    file);
        }
        return builder.build();
    }

    @Bean
    InMemoryUserDetailsManager basicUsers(ShardhomeProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (ShardhomeProperties.User user : properties.security().users()) {
            // Spring's delegating encoder needs an id prefix; a bare password is plain text.
            String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
            users.add(User.withUsername(user.name())
                    .password(password)
                    .passwordEncoder(p -> p)
                    .authorities(user.role().authorities())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * No observation per security filter: on the lookup hot path they cost more CPU than the lookup; the
     * HTTP request metrics ({@code http.server.requests}) still cover every call.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenRegistry tokens, ObjectMapper json) throws Exception {
        ProblemSecurityHandler problems = new ProblemSecurityHandler(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // A stream's later dispatches (the map feed's server-sent events ending) belong to a
                        // request that was authorized when it started.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        // The admin page's static files (admin-ui); the page sends credentials on its API calls.
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole(Role.READER.name())
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()));
        return http.build();
    }
}
