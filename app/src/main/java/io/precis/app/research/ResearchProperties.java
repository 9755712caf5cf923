package io.precis.app.research;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of deep research ({@code precis.research}); every one has a default.
 *
 * @param workers             jobs run at the same time on this instance
 * @param lease               how long a claimed job stays this instance's without a heartbeat; after that another
 *                            instance (or this one after a restart) claims it again and resumes it
 * @param stepTimeout         the longest one step (planning, a search round, a reading round, writing) may take
 * @param maxAttempts         claims of one job before it fails (each restart in the middle of it counts one)
 * @param resultsPerQuery     web results read per query
 * @param readThreads         pages one job reads at the same time
 * @param passagesPerSection  passages retrieved per sub-question for writing
 * @param sentencesPerSection sentences the extractive writer picks per sub-question
 * @param supportThreshold    the support score under which a cited sentence counts as unsupported
 * @param maxPinned           pinned URLs one request may carry
 * @param providerTimeout     for one call to a web search provider
 * @param searxngUrl          SearxNG's base URL; when set, SearxNG is the web search provider
 * @param braveUrl            the Brave Search API's base URL
 * @param braveApiKey         when set (and no SearxNG URL), Brave Search is the web search provider
 */
@ConfigurationProperties("precis.research")
record ResearchProperties(Integer workers, Duration lease, Duration stepTimeout, Integer maxAttempts, Integer resultsPerQuery,
                          Integer readThreads, Integer passagesPerSection, Integer sentencesPerSection, Double supportThreshold,
                          Integer maxPinned, Duration providerTimeout, String searxngUrl, String braveUrl, String braveApiKey) {

    ResearchProperties {
        workers = positive(workers, 2);
        lease = lease != null ? lease : Duration.ofSeconds(60);
        stepTimeout = stepTimeout != null ? stepTimeout : Duration.ofMinutes(5);
        maxAttempts = positive(maxAttempts, 3);
        resultsPerQuery = positive(resultsPerQuery, 3);
        readThreads = positive(readThreads, 4);
        passagesPerSection = positive(passagesPerSection, 6);
        sentencesPerSection = positive(sentencesPerSection, 3);
        supportThreshold = supportThreshold != null ? supportThreshold : 0.5;
        maxPinned = positive(maxPinned, 20);
        providerTimeout = providerTimeout != null ? providerTimeout : Duration.ofSeconds(15);
        searxngUrl = blankToNull(searxngUrl);
        braveUrl = blankToNull(braveUrl) != null ? braveUrl.strip() : "https://api.search.brave.com";
        braveApiKey = blankToNull(braveApiKey);
    }

    static ResearchProperties defaults() {
        return new ResearchProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Integer positive(Integer value, int fallback) {
        return value != null && value > 0 ? value : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
