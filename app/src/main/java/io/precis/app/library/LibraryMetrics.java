package io.precis.app.library;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Library's metrics (Prometheus names):
 * <ul>
 * <li>{@code rag_ingestion_seconds} (histogram; labels {@code outcome} = ready, failed or duplicate, and
 * {@code format}): from the moment a worker takes a document to ready or failed;</li>
 * <li>{@code rag_retrieval_seconds} (histogram; label {@code mode} = hybrid, vector or text): one retrieval,
 * query embedding included;</li>
 * <li>{@code rag_retrieval_queries_total} (counter; label {@code result} = hit or miss) and
 * {@code rag_retrieval_hit_rate} (gauge): a query is a <em>hit</em> when its best passage (rank 1) has a cosine
 * similarity to the query of at least {@code precis.library.relevance-threshold} (default 0.35); a query with no
 * passage is a miss. The gauge is the share of hits among the last {@code precis.library.hit-rate-window}
 * (default 1000) live queries of this instance (NaN before the first); over any period use
 * {@code sum(rate(rag_retrieval_queries_total{result="hit"}[5m])) / sum(rate(rag_retrieval_queries_total[5m]))};</li>
 * <li>{@code rag_documents} (gauge; label {@code status}) and {@code rag_chunks} (gauge): counts in the database
 * (all owners), read at most every 10 seconds.</li>
 * </ul>
 */
@Component
public class LibraryMetrics {
    private static final Duration[] INGESTION_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300)};
    private static final Duration[] RETRIEVAL_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500)};
    private static final long COUNT_TTL_NANOS = Duration.ofSeconds(10).toNanos();
    private static final String[] STATUSES = {LibraryDocument.QUEUED, LibraryDocument.PROCESSING, LibraryDocument.READY, LibraryDocument.FAILED};

    private final MeterRegistry meters;
    private final DocumentStore store;
    private final double threshold;
    private final boolean[] window;
    private int windowNext;
    private int windowSize;
    private int windowHits;
    private final Counter hits;
    private final Counter misses;
    private volatile Map<String, Long> documentCounts = Map.of();
    private final AtomicLong chunkCount = new AtomicLong();
    private volatile long countsReadAt = System.nanoTime() - 2 * COUNT_TTL_NANOS;

    LibraryMetrics(MeterRegistry meters, DocumentStore store, LibraryProperties props) {
        this.meters = meters;
        this.store = store;
        this.threshold = props.relevanceThreshold();
        this.window = new boolean[props.hitRateWindow()];
        this.hits = Counter.builder("rag.retrieval.queries").tag("result", "hit")
                .description("Live retrieval queries; a hit when the best passage's cosine similarity reaches the relevance threshold")
                .register(meters);
        this.misses = Counter.builder("rag.retrieval.queries").tag("result", "miss")
                .description("Live retrieval queries; a hit when the best passage's cosine similarity reaches the relevance threshold")
                .register(meters);
        Gauge.builder("rag.retrieval.hit.rate", this, LibraryMetrics::hitRate)
                .description("Share of the latest live queries whose best passage reached the relevance threshold")
                .register(meters);
        for (String status : STATUSES) {
            Gauge.builder("rag.documents", this, m -> m.documents(status)).tag("status", status)
                    .description("Documents in the Library by status").register(meters);
        }
        Gauge.builder("rag.chunks", this, LibraryMetrics::chunks).description("Chunks in the Library's index").register(meters);
        // Every series exists from the start (at zero), so dashboards and alerts see them before the first document.
        for (SearchMode mode : SearchMode.values()) retrievalTimer(mode.label());
        for (String outcome : new String[]{"ready", "failed", "duplicate"}) {
            for (DocumentFormat format : DocumentFormat.values()) ingestionTimer(outcome, format.label());
        }
        ingestionTimer("failed", "unknown");
    }

    private Timer ingestionTimer(String outcome, String format) {
        return Timer.builder("rag.ingestion").description("Time to ingest one document (fetch, extract, chunk, embed, store)")
                .serviceLevelObjectives(INGESTION_BUCKETS)
                .tags("outcome", outcome, "format", format == null ? "unknown" : format)
                .register(meters);
    }

    private Timer retrievalTimer(String mode) {
        return Timer.builder("rag.retrieval").description("Time of one retrieval, query embedding included")
                .serviceLevelObjectives(RETRIEVAL_BUCKETS).tag("mode", mode)
                .register(meters);
    }

    /** The relevance threshold: a query is a hit when its best passage's cosine similarity is at least this. */
    public double relevanceThreshold() {
        return threshold;
    }

    void ingestion(String outcome, String format, long nanos) {
        ingestionTimer(outcome, format).record(Duration.ofNanos(nanos));
        countsReadAt = System.nanoTime() - 2 * COUNT_TTL_NANOS;
    }

    void retrieval(String mode, long nanos) {
        retrievalTimer(mode).record(Duration.ofNanos(nanos));
    }

    /** Counts one live query: a hit when {@code bestCosine} (null: no passage) reaches the threshold. */
    void query(Double bestCosine) {
        boolean hit = bestCosine != null && bestCosine >= threshold;
        (hit ? hits : misses).increment();
        synchronized (window) {
            if (windowSize == window.length) {
                if (window[windowNext]) windowHits--;
            } else {
                windowSize++;
            }
            window[windowNext] = hit;
            if (hit) windowHits++;
            windowNext = (windowNext + 1) % window.length;
        }
    }

    /** Hits among the last window of queries, or NaN before the first query. */
    public double hitRate() {
        synchronized (window) {
            return windowSize == 0 ? Double.NaN : windowHits / (double) windowSize;
        }
    }

    void changed() {
        countsReadAt = System.nanoTime() - 2 * COUNT_TTL_NANOS;
    }

    private double documents(String status) {
        refresh();
        return documentCounts.getOrDefault(status, 0L);
    }

    private double chunks() {
        refresh();
        return chunkCount.get();
    }

    private void refresh() {
        long now = System.nanoTime();
        if (now - countsReadAt < COUNT_TTL_NANOS) return;
        synchronized (this) {
            if (now - countsReadAt < COUNT_TTL_NANOS) return;
            try {
                documentCounts = store.countsByStatus();
                chunkCount.set(store.chunkCount());
            } catch (RuntimeException e) {
                // the database is away: keep the last counts
            }
            countsReadAt = System.nanoTime();
        }
    }
}
