package org.qipflow.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Machine clients: the JSON API, the engine's REST API and the actuator. HTTP Basic on every
     * request and no session, so a browser's session cookie is never accepted here and CSRF cannot
     * reach these endpoints.
     */
    @Bean
    @Order(1)
    SecurityFilterChain machineClients(HttpSecurity http) throws Exception {
        // Path patterns rather than MVC matchers: /engine-rest is served by the engine's own servlet.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
                        path.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Roles.COORDINATOR))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.basicChallenge()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.basicChallenge())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** People: pages and the Camunda webapps, with form login and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/assets/**", "/css/**", "/js/**",
                                "/favicon.ico").permitAll()
                        .anyRequest().hasRole(Roles.COORDINATOR))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(ProblemResponses.signInFirst(),
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
