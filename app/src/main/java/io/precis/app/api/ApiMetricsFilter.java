package io.precis.app.api;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * REST API metrics, labelled by endpoint (the route template, so ids don't explode cardinality), method and status:
 * {@code api_requests_total}, {@code api_request_latency_seconds} (histogram) and {@code api_request_errors_total}
 * (responses with status 400 or above; filter on {@code status=~"5.."} for server errors). Runs before Spring
 * Security so refused requests are counted too.
 */
class ApiMetricsFilter extends OncePerRequestFilter {
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500),
            Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry meters;

    ApiMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus(), System.nanoTime() - start);
        }
    }

    private void record(HttpServletRequest request, int status, long nanos) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern != null ? pattern.toString() : status == 401 || status == 403 ? "refused" : "unmatched";
        String method = request.getMethod();
        String code = Integer.toString(status);
        Counter.builder("api.requests").description("REST API requests")
                .tags("endpoint", endpoint, "method", method, "status", code).register(meters).increment();
        Timer.builder("api.request.latency").description("REST API request latency")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tags("endpoint", endpoint, "method", method, "status", code).register(meters)
                .record(Duration.ofNanos(nanos));
        if (status >= 400) {
            Counter.builder("api.request.errors").description("REST API responses with status 400 or above")
                    .tags("endpoint", endpoint, "method", method, "status", code).register(meters).increment();
        }
    }
}
