package io.precis.app.library;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Library ({@code precis.library}); every one has a default.
 *
 * @param maxFileSize         the largest upload accepted (also bounded by {@code spring.servlet.multipart})
 * @param maxTextChars        the most characters of text one document may have, sent as JSON or extracted
 * @param defaultCollection   the collection of documents added without one
 * @param ingestThreads       documents ingested at the same time
 * @param queueCapacity       documents waiting for ingestion before new ones are refused with 503
 * @param chunkTokens         the most (estimated) tokens of one chunk; MiniLM reads at most 256
 * @param chunkOverlapTokens  the most tokens of whole sentences repeated from the previous chunk
 * @param relevanceThreshold  the cosine similarity the best passage of a query must reach to count as a hit in
 *                            {@code rag_retrieval_hit_rate}
 * @param hitRateWindow       how many of the latest queries {@code rag_retrieval_hit_rate} is computed over
 * @param fetch               fetching URLs
 */
@ConfigurationProperties("precis.library")
public record LibraryProperties(DataSize maxFileSize, Integer maxTextChars, String defaultCollection,
                                Integer ingestThreads, Integer queueCapacity, Integer chunkTokens,
                                Integer chunkOverlapTokens, Double relevanceThreshold, Integer hitRateWindow,
                                Fetch fetch) {

    public LibraryProperties {
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofMegabytes(10);
        maxTextChars = maxTextChars != null ? maxTextChars : 2_000_000;
        defaultCollection = defaultCollection != null && !defaultCollection.isBlank() ? defaultCollection.strip() : "default";
        ingestThreads = ingestThreads != null && ingestThreads > 0 ? ingestThreads : 2;
        queueCapacity = queueCapacity != null && queueCapacity > 0 ? queueCapacity : 200;
        chunkTokens = chunkTokens != null && chunkTokens > 0 ? chunkTokens : 180;
        chunkOverlapTokens = chunkOverlapTokens != null && chunkOverlapTokens >= 0 ? chunkOverlapTokens : 30;
        relevanceThreshold = relevanceThreshold != null ? relevanceThreshold : 0.35;
        hitRateWindow = hitRateWindow != null && hitRateWindow > 0 ? hitRateWindow : 1000;
        fetch = fetch != null ? fetch : new Fetch(null, null, null, null, null, null, null);
    }

    /** Defaults everywhere. */
    public static LibraryProperties defaults() {
        return new LibraryProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param maxBytes       the largest body read from a URL; a longer one fails with "larger than N bytes"
     * @param connectTimeout for opening the connection
     * @param timeout        for the whole fetch, redirects and body included
     * @param maxRedirects   redirects followed (each re-checked) before giving up
     * @param allow          networks (CIDR, e.g. {@code 10.1.0.0/16} or {@code ::1/128}) that may be fetched even
     *                       though they are private, loopback or link-local; cloud metadata addresses stay refused
     * @param userAgent      sent with every request; robots.txt groups are matched against its first word
     * @param robotsCacheTtl how long a site's robots.txt is remembered
     */
    public record Fetch(DataSize maxBytes, Duration connectTimeout, Duration timeout, Integer maxRedirects,
                        List<String> allow, String userAgent, Duration robotsCacheTtl) {
        public Fetch {
            maxBytes = maxBytes != null ? maxBytes : DataSize.ofMegabytes(10);
            connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
            timeout = timeout != null ? timeout : Duration.ofSeconds(30);
            maxRedirects = maxRedirects != null && maxRedirects >= 0 ? maxRedirects : 5;
            allow = allow != null ? List.copyOf(allow) : List.of();
            userAgent = userAgent != null && !userAgent.isBlank() ? userAgent : "PrecisBot/1.0";
            robotsCacheTtl = robotsCacheTtl != null ? robotsCacheTtl : Duration.ofHours(1);
        }
    }
}
