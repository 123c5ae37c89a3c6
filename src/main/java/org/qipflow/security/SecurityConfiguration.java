package org.qipflow.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Engine REST resources that manage accounts and authorizations or deploy models (which can carry code). */
    private static final List<String> ENGINE_ADMINISTRATION = List.of("user/**", "group/**", "tenant/**",
            "authorization/**", "identity/**", "deployment/**");

    // Path patterns rather than MVC matchers: /engine-rest and /camunda are served by the engine's own servlets.
    private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

    /**
     * Machine clients: the JSON API, the engine's REST API and the actuator. HTTP Basic on every
     * request and no session; changes that a browser says come from another site are refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain machineClients(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PATH.matcher("/api/**"), PATH.matcher("/engine-rest/**"),
                        PATH.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(matchers(ENGINE_ADMINISTRATION.stream()
                                .map(p -> PATH.matcher("/engine-rest/" + p)))).hasRole(Roles.CAMUNDA_ADMIN)
                        .requestMatchers(EngineApiRules.coordinatorMay(EngineApiRules.REST)).hasRole(Roles.COORDINATOR)
                        .requestMatchers(EngineApiRules.anything(EngineApiRules.REST)).hasRole(Roles.CAMUNDA_ADMIN)
                        .anyRequest().hasRole(Roles.COORDINATOR))
                .addFilterBefore(new CrossSiteRequestGuard(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.basicChallenge()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.basicChallenge())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** People: pages and the Camunda webapps, with form login and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.svg")
                        .permitAll()
                        // local leads: their email link is their authority, checked by the task pages
                        .requestMatchers("/tasks/**", "/leads/sign-in/**", "/leads/sign-in").permitAll()
                        // anyone at a member organisation proposes a topic; the proposer's links are their authority
                        .requestMatchers("/topics", "/topics/propose", "/topics/links/**").permitAll()
                        // an outlier review's people (lead, clinical contact, chief executive, medical director):
                        // the emailed link is their authority, checked by the link pages
                        .requestMatchers("/outlier-links/**").permitAll()
                        // an action's owner works it from the emailed link, checked by its page
                        .requestMatchers("/action-links/**").permitAll()
                        // a team's contact reads the shared report and acknowledges it from the emailed link
                        .requestMatchers("/report-links/**").permitAll()
                        // the programme calendar and its feeds; private feeds are opened by their token
                        .requestMatchers("/calendar", "/calendar/*.ics", "/calendar/programmes/*.ics",
                                "/calendar/feeds/*.ics").permitAll()
                        .requestMatchers(HttpMethod.GET, "/calendar/planner/*").permitAll()
                        // local leads signed in by emailed link: their reports; the controllers check whose
                        .requestMatchers("/my/**").hasRole(Roles.LEAD)
                        .requestMatchers("/reports/**").hasAnyRole(Roles.LEAD, Roles.COORDINATOR)
                        // Camunda Admin, and the same administration through the webapps' copy of the engine API
                        .requestMatchers(PATH.matcher("/camunda/api/admin/auth/**")).hasRole(Roles.COORDINATOR)
                        .requestMatchers(PATH.matcher("/camunda/app/admin/**"), PATH.matcher("/camunda/api/admin/**"))
                        .hasRole(Roles.CAMUNDA_ADMIN)
                        .requestMatchers(matchers(ENGINE_ADMINISTRATION.stream().flatMap(p -> Stream.of(
                                        HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)
                                .map(method -> PATH.matcher(method, EngineApiRules.WEBAPPS + p)))))
                        .hasRole(Roles.CAMUNDA_ADMIN)
                        .requestMatchers(EngineApiRules.coordinatorMay(EngineApiRules.WEBAPPS)).hasRole(Roles.COORDINATOR)
                        .requestMatchers(EngineApiRules.anything(EngineApiRules.WEBAPPS)).hasRole(Roles.CAMUNDA_ADMIN)
                        .anyRequest().hasRole(Roles.COORDINATOR))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof SignInThrottle.Throttled ? "/login?throttled" : "/login?error")))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PATH.matcher("/camunda/**"))
                        .csrfTokenRequestHandler(maskedTokens()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(ProblemResponses.signInFirst(),
                                PATH.matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/leads/sign-in"),
                                new AndRequestMatcher(new OrRequestMatcher(PATH.matcher("/my/**"),
                                        PATH.matcher("/reports/**")), BROWSER)))
                // Task and sign-in links carry their token in the address: no page tells another site where it was.
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(OWN_PAGES,
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(EMAIL_PREVIEWS,
                                new StaticHeadersWriter("Content-Security-Policy", EMAIL_PREVIEW_POLICY))));
        return http.build();
    }

    /** Spring Security's default BREACH-safe handler (each page's token masked afresh), with a generator per thread. */
    private static XorCsrfTokenRequestAttributeHandler maskedTokens() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(new PerThreadRandom());
        return handler;
    }

    /**
     * What qipflow's own pages may load: their own scripts, styles, fonts and images (and images drawn
     * inline), nothing inline that could be injected, no plug-ins, forms only to qipflow, framed only by it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /**
     * The outbox shows each email as mail programs do, styled by the style attributes email needs (mail
     * programs drop style sheets); those styles are the only thing inline its policy allows.
     */
    static final String EMAIL_PREVIEW_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'unsafe-inline';");

    private static final RequestMatcher EMAIL_PREVIEWS = PATH.matcher("/outbox/*");

    /** The Camunda webapps and Swagger UI set policies of their own, which their scripts need. */
    private static final RequestMatcher OWN_PAGES = new NegatedRequestMatcher(new OrRequestMatcher(
            PATH.matcher("/camunda/**"), PATH.matcher("/swagger-ui/**"), PATH.matcher("/swagger-ui.html"),
            EMAIL_PREVIEWS));

    /** A browser asking for a page, as opposed to a script, which gets 401 instead of a redirect. */
    private static final RequestMatcher BROWSER = browser();

    private static RequestMatcher browser() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    private static RequestMatcher[] matchers(Stream<RequestMatcher> matchers) {
        return matchers.toArray(RequestMatcher[]::new);
    }
}
