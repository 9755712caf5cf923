package io.precis.app.library;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.precis.admin.runbooks.RunbookAction;

@Configuration
class LibraryConfig {
    static final String INGEST_EXECUTOR = "libraryIngestExecutor";

    @Bean
    AddressPolicy addressPolicy(LibraryProperties props) {
        return new AddressPolicy(props.fetch().allow());
    }

    @Bean
    SafeFetcher safeFetcher(LibraryProperties props, AddressPolicy policy) {
        return new SafeFetcher(props.fetch(), policy);
    }

    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor();
    }

    /**
     * Ingestion workers: {@code ingest-threads} of them and a queue of {@code queue-capacity}; beyond that new
     * documents are refused (503) rather than piling up.
     */
    @Bean(name = INGEST_EXECUTOR, destroyMethod = "shutdownNow")
    ThreadPoolExecutor libraryIngestExecutor(LibraryProperties props) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(props.ingestThreads(), props.ingestThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(props.queueCapacity()), r -> {
                    Thread t = new Thread(r, "library-ingest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runbook action (model drift, embedding model change): re-embed the stale chunks in the background. */
    @Bean
    RunbookAction reembedLibrary(ReembedJob job) {
        return new RunbookAction("reembed-library", "Re-embed the Library",
                "Re-embeds, in the background, every chunk whose embedding comes from another model or version than the "
                        + "one now serving; search keeps working meanwhile. Progress: GET /api/v1/admin/library/reembed.",
                actor -> {
                    ReembedJob.Status status = job.start();
                    if (status.total() == 0) {
                        return RunbookAction.Result.done("Nothing to re-embed: every chunk uses " + status.model() + " " + status.version() + ".");
                    }
                    return RunbookAction.Result.done("Re-embedding " + status.total() + " chunks with " + status.model() + " "
                            + status.version() + " in the background (" + status.done() + " done so far).");
                });
    }
}
