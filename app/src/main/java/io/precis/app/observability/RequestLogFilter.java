package io.precis.app.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@link RequestLog}) in the MDC and the {@code X-Request-Id} response header, and writes
 * one line per {@code /api/**} call: method, path (no query string: it may carry personal data), status, latency in
 * milliseconds, principal and request id. In the text console the fields are in the message; in the structured JSON
 * logs they are also fields of their own ({@code method}, {@code path}, {@code status}, {@code latencyMs} as key-value
 * pairs; {@code principal} and {@code requestId} from the MDC). Runs ahead of Spring Security, so refused requests are logged too.
 */
class RequestLogFilter extends OncePerRequestFilter {
    static final Logger LOG = LoggerFactory.getLogger("io.precis.app.observability.RequestLog");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestLog.requestId(request.getHeader(RequestLog.REQUEST_ID_HEADER));
        MDC.put(RequestLog.MDC_REQUEST_ID, requestId);
        response.setHeader(RequestLog.REQUEST_ID_HEADER, requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                if (isApi(request)) {
                    log(request, response.getStatus(), (System.nanoTime() - start) / 1_000_000, requestId);
                }
            } finally {
                MDC.remove(RequestLog.MDC_PRINCIPAL);
                MDC.remove(RequestLog.MDC_REQUEST_ID);
            }
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static void log(HttpServletRequest request, int status, long latencyMs, String requestId) {
        String principal = RequestLog.principalOf(request);
        String method = request.getMethod();
        String path = request.getRequestURI();
        MDC.put(RequestLog.MDC_PRINCIPAL, principal); // a JSON field of its own, like requestId (no duplicate key)
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("latencyMs", latencyMs)
                .log("api method={} path={} status={} latencyMs={} principal={} requestId={}",
                        method, path, status, latencyMs, principal, requestId);
    }
}
