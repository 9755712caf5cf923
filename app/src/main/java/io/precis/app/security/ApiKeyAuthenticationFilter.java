package io.precis.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import io.precis.app.observability.RequestLog;

/** Authenticates `Authorization: Bearer KEY` or `X-API-Key: KEY`; a key that is present but wrong is refused at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeyService keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeyService keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = presentedKey(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        var principal = keys.authenticate(secret);
        if (principal.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("The API key is unknown or revoked."));
            return;
        }
        RequestLog.principal(request, principal.get().name());
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal.get().name(), null, principal.get().role().authorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) return header.trim();
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return authorization.substring(7).trim();
        return null;
    }
}
