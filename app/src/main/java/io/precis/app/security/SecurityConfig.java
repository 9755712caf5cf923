package io.precis.app.security;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfigurationSource;

import com.vaadin.flow.spring.security.VaadinWebSecurity;

/**
 * Three filter chains:
 * <ol>
 * <li>{@code /api/**}: stateless, API keys only, problem bodies for 401/403; the one exception is the public API
 * ({@code POST /api/v1/public/summaries}, {@code /feedback}, {@code /research}, {@code /research/{id}/feedback} and
 * {@code GET /api/v1/public/research/{id}}, io.precis.app.publicapi), which anonymous callers reach
 * with the {@value #PUBLIC_ROLE} role and which alone answers CORS (bean {@code publicApiCors});</li>
 * <li>actuator endpoints and the {@code /livez}, {@code /readyz} probes: open, because actuator lives on the
 * management port, which only the cluster (probes, Prometheus) can reach; the public port serves just the probes;</li>
 * <li>everything else: the Vaadin UI behind its login view.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig extends VaadinWebSecurity {
    /** Held by anonymous callers of the {@code /api/**} chain; it opens only the public endpoints. */
    static final String PUBLIC_ROLE = "PUBLIC";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeyService keys, ProblemResponses problems,
                                 @Qualifier("publicApiCors") CorsConfigurationSource publicApiCors) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .cors(c -> c.configurationSource(publicApiCors))
                .anonymous(a -> a.authorities("ROLE_ANONYMOUS", "ROLE_" + PUBLIC_ROLE))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // the async dispatch that ends a stream (research events) continues a request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/summaries", "/api/v1/public/feedback",
                                "/api/v1/public/research", "/api/v1/public/research/*/feedback")
                        .hasAnyRole(PUBLIC_ROLE, Role.ANALYST.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/research/*").hasAnyRole(PUBLIC_ROLE, Role.ANALYST.name())
                        .requestMatchers("/api/v1/admin/models/**", "/api/v1/admin/datasets/**", "/api/v1/admin/audit/**",
                                "/api/v1/admin/feedback/**", "/api/v1/admin/training/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ANALYST.name()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(r -> EndpointRequest.toAnyEndpoint().matches(r)
                        || "/livez".equals(r.getRequestURI()) || "/readyz".equals(r.getRequestURI()))
                .csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/error", "/swagger-ui/**", "/icons/**", "/images/**").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
