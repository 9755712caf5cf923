package io.precis.app.publicapi;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The anonymous public API ({@code /api/v1/public/**}) that the static site (netlify-web) calls.
 *
 * @param maxChars       the most characters one public request may carry, over all its documents
 * @param maxDocuments   the most documents one public request may carry
 * @param rateLimit      requests one client address may make per {@code ratePeriod} (the bucket's capacity)
 * @param ratePeriod     the time in which a drained bucket refills completely (tokens come back evenly over it)
 * @param maxClients     how many client addresses the limiter remembers before it drops the idle ones
 * @param allowedOrigins the site origins that browsers may call from (CORS); patterns like
 *                       {@code https://deploy-preview-*--precis.netlify.app} are allowed. Empty: no browser origin.
 */
@ConfigurationProperties("precis.public")
record PublicApiProperties(@DefaultValue("20000") int maxChars,
                           @DefaultValue("3") int maxDocuments,
                           @DefaultValue("10") int rateLimit,
                           @DefaultValue("1m") Duration ratePeriod,
                           @DefaultValue("10000") int maxClients,
                           @DefaultValue({}) List<String> allowedOrigins) {
}
