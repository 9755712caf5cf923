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
 * @param readRateLimit  reads (polling a research job) one client address may make per {@code ratePeriod}, in a
 *                       bucket of their own, so that following a job does not use up the requests that do work
 * @param research       the limits and the scope of public research
 */
@ConfigurationProperties("precis.public")
record PublicApiProperties(@DefaultValue("20000") int maxChars,
                           @DefaultValue("3") int maxDocuments,
                           @DefaultValue("10") int rateLimit,
                           @DefaultValue("1m") Duration ratePeriod,
                           @DefaultValue("10000") int maxClients,
                           @DefaultValue({}) List<String> allowedOrigins,
                           @DefaultValue("120") int readRateLimit,
                           @DefaultValue Research research) {

    /**
     * Public research ({@code precis.public.research}). Jobs belong to the fixed owner {@code @public}, so with the
     * Library provider they read only documents of that owner (which admins add through
     * {@code POST /api/v1/admin/public-library}), never an analyst's.
     *
     * @param maxDepth         the deepest a public job may go (the keyed API allows 4)
     * @param maxBreadth       the most queries per round of a public job (the keyed API allows 6)
     * @param maxQuestionChars the longest question
     * @param provider         the search provider of public jobs: {@code library} (the public Library only), or a
     *                         configured web provider ({@code searxng}, {@code brave}), whose pages it reads are
     *                         stored as the public owner's
     * @param collection       with the Library provider, only this collection of the public Library; empty: all of it
     */
    record Research(@DefaultValue("2") int maxDepth,
                    @DefaultValue("3") int maxBreadth,
                    @DefaultValue("500") int maxQuestionChars,
                    @DefaultValue("library") String provider,
                    String collection) {
    }
}
