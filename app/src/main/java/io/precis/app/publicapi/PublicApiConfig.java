package io.precis.app.publicapi;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The public API's limiters and its CORS rules; the security chain for {@code /api/**} picks up {@code publicApiCors}. */
@Configuration
@EnableConfigurationProperties(PublicApiProperties.class)
class PublicApiConfig {

    /** For requests that do work: summaries, feedback, starting research. */
    @Bean
    @Primary
    PublicRateLimiter publicRateLimiter(PublicApiProperties props) {
        return new PublicRateLimiter(props.rateLimit(), props.ratePeriod(), props.maxClients(), Clock.systemUTC());
    }

    /** For reads (following a research job), in buckets of their own. */
    @Bean
    PublicRateLimiter publicReadLimiter(PublicApiProperties props) {
        return new PublicRateLimiter(props.readRateLimit(), props.ratePeriod(), props.maxClients(), Clock.systemUTC());
    }

    /** CORS for {@code /api/v1/public/**} only: every other path gets no CORS headers, so browsers refuse it. */
    @Bean
    CorsConfigurationSource publicApiCors(PublicApiProperties props) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(props.allowedOrigins().stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
        cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/public/**", cors);
        return source;
    }
}
