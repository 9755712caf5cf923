package io.precis.app.research;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a job may look: pinned URLs (read first), domains to keep to or to leave out, and the earliest publication
 * (web results) or addition (Library documents) date. Every field is optional.
 */
public record SourceOptions(List<String> pinned, List<String> includeDomains, List<String> excludeDomains, LocalDate since) {

    public SourceOptions {
        pinned = pinned == null ? List.of() : List.copyOf(pinned);
        includeDomains = includeDomains == null ? List.of() : List.copyOf(includeDomains);
        excludeDomains = excludeDomains == null ? List.of() : List.copyOf(excludeDomains);
    }

    static SourceOptions none() {
        return new SourceOptions(null, null, null, null);
    }

    /** Whether a result at this URL may be read: its host is (under) an included domain and under no excluded one. */
    boolean allows(String url) {
        String host = host(url);
        if (host == null) return includeDomains.isEmpty();
        if (excludeDomains.stream().anyMatch(d -> under(host, d))) return false;
        return includeDomains.isEmpty() || includeDomains.stream().anyMatch(d -> under(host, d));
    }

    /** Whether something published (or added) on this day is inside the time window; unknown days are. */
    boolean allowsDate(LocalDate day) {
        return since == null || day == null || !day.isBefore(since);
    }

    private static boolean under(String host, String domain) {
        String d = domain.toLowerCase(java.util.Locale.ROOT);
        return host.equals(d) || host.endsWith("." + d);
    }

    static String host(String url) {
        if (url == null) return null;
        try {
            String h = java.net.URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
