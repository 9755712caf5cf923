package io.precis.app.research;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code research_jobs} (gauge by {@code status}, from the database, so every instance reports the shared queue),
 * {@code research_duration_seconds} (timer by final {@code status}), {@code research_sources_fetched_total} (pages
 * read and ingested) and {@code research_citation_support_ratio} (share of supported cited sentences in the latest
 * report this instance wrote; NaN before the first).
 */
@Component
class ResearchMetrics {
    private static final long COUNTS_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MeterRegistry meters;
    private final ResearchStore store;
    private final Counter sourcesFetched;
    private final AtomicReference<Double> supportRatio = new AtomicReference<>(Double.NaN);
    private volatile Map<String, Long> counts = Map.of();
    private volatile long countsReadAt;

    ResearchMetrics(MeterRegistry meters, ResearchStore store) {
        this.meters = meters;
        this.store = store;
        for (String status : ResearchJob.STATUSES) {
            Gauge.builder("research.jobs", this, m -> m.jobs(status)).tag("status", status)
                    .description("Research jobs by status").register(meters);
        }
        for (String status : new String[] {ResearchJob.DONE, ResearchJob.FAILED, ResearchJob.CANCELLED}) timer(status);
        sourcesFetched = Counter.builder("research.sources.fetched").description("Web pages research jobs read into the Library")
                .register(meters);
        Gauge.builder("research.citation.support.ratio", supportRatio, AtomicReference::get)
                .description("Share of cited sentences supported by their passage, latest report").register(meters);
    }

    private Timer timer(String status) {
        return Timer.builder("research.duration").tag("status", status).description("Research jobs from claim to end").register(meters);
    }

    void finished(String status, long nanos, Double ratio) {
        timer(status).record(nanos, TimeUnit.NANOSECONDS);
        if (ratio != null) supportRatio.set(ratio);
        countsReadAt = 0;
    }

    void sourceFetched() {
        sourcesFetched.increment();
    }

    private double jobs(String status) {
        if (System.nanoTime() - countsReadAt > COUNTS_TTL_NANOS) {
            try {
                counts = store.countsByStatus();
                countsReadAt = System.nanoTime();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return counts.getOrDefault(status, 0L);
    }
}
