package io.github.metacommerce.admin.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what.
 * <ul>
 *   <li>API clients send HTTP Basic: stateless, no session, no CSRF (there is no cookie to ride on).</li>
 *   <li>Browsers sign in with the form: a session cookie (HttpOnly, SameSite=Lax) and a CSRF token on every
 *       state-changing request (the pages send it; htmx as a header).</li>
 *   <li>{@code /actuator/health} is public without details; the rest of the actuator is for administrators.</li>
 *   <li>Security headers on every answer: a Content-Security-Policy without inline scripts,
 *       {@code X-Frame-Options: DENY}, {@code nosniff} and a same-origin referrer policy.</li>
 * </ul>
 * Which store a signed-in user may touch is checked per request by the current-store resolution.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher BASIC = request -> {
        String auth = request.getHeader("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
    };
    private static final RequestMatcher API = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/api/");
    private static final RequestMatcher CALLBACK = request -> request.getRequestURI()
            .equals(request.getContextPath() + SandboxMode.CALLBACK_PATH);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http, JsonMapper json) throws Exception {
        http.securityMatcher(BASIC)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonEntryPoint(json, true)))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonEntryPoint(json, true))
                        .accessDeniedHandler(jsonAccessDenied(json)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .headers(h -> headers(h, Optional.empty()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http, JsonMapper json,
            @Value("${meta.commerce.graph.dialog-base-url:https://www.facebook.com}") String dialogBaseUrl)
            throws Exception {
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin/marketplace-hub", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), CALLBACK)
                        .defaultAuthenticationEntryPointFor(jsonEntryPoint(json, false), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(jsonAccessDenied(json), API))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .headers(h -> headers(h, Optional.of(origin(dialogBaseUrl))));
        return http.build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h,
            Optional<String> dialogOrigin) {
        String formAction = "'self'" + dialogOrigin.map(o -> " " + o).orElse("");
        h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; "
                        + "base-uri 'self'; frame-ancestors 'none'; form-action " + formAction))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static AuthenticationEntryPoint jsonEntryPoint(JsonMapper json, boolean basicChallenge) {
        return (request, response, e) -> {
            if (basicChallenge) {
                // only API clients that chose Basic get the challenge; a browser would show its own dialog
                response.setHeader("WWW-Authenticate", "Basic realm=\"admin-server\"");
            }
            write(json, response, HttpStatus.UNAUTHORIZED,
                    "Sign in first (a session, or HTTP Basic for API clients).", "authentication_error",
                    "not_signed_in");
        };
    }

    private static AccessDeniedHandler jsonAccessDenied(JsonMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN,
                "This request was refused: it lacks a valid CSRF token or a permission.", "permission_error",
                "forbidden");
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String message,
            String category, String code) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ErrorHandling.body(status, message, category, code, Optional.empty()).getBody());
    }
}
