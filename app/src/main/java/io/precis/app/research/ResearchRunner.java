package io.precis.app.research;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.precis.app.library.FetchException;
import io.precis.app.library.LibraryDocument;
import io.precis.app.library.LibraryRetriever;
import io.precis.app.library.LibraryService;
import io.precis.app.library.Passage;
import io.precis.app.library.RetrievalFilter;
import io.precis.app.library.SafeFetcher;
import io.precis.app.library.Viewer;
import io.precis.app.observability.MdcTaskDecorator;
import io.precis.inference.research.Coverage;
import io.precis.inference.research.Evidence;
import io.precis.inference.research.ExtractiveReportWriter;
import io.precis.inference.research.Planner;
import io.precis.inference.research.Report;
import io.precis.inference.research.Source;

/**
 * Runs one claimed job to its end, step by step: plan → pinned sources → per round search, read and (between rounds)
 * reflect → write. Every finished step is stored with its output before the next starts, so a job taken over after a
 * restart skips what is done. Steps have a time limit; a search or reading step that fails or runs out of time is
 * logged and the job goes on with what it has; planning or writing that fails ends the job as failed, keeping its
 * sources and finished steps.
 */
@Component
class ResearchRunner {
    private static final Logger log = LoggerFactory.getLogger(ResearchRunner.class);

    private final ResearchStore store;
    private final SearchProviders providers;
    private final LibraryService library;
    private final LibraryRetriever retriever;
    private final SafeFetcher fetcher;
    private final Planner planner;
    private final ExtractiveReportWriter writer;
    private final ResearchMetrics metrics;
    private final ResearchProperties props;
    private final ExecutorService stepThreads = Executors.newCachedThreadPool(daemon("research-step"));

    ResearchRunner(ResearchStore store, SearchProviders providers, LibraryService library, LibraryRetriever retriever,
                   SafeFetcher fetcher, Planner planner, ExtractiveReportWriter writer, ResearchMetrics metrics,
                   ResearchProperties props) {
        this.store = store;
        this.providers = providers;
        this.library = library;
        this.retriever = retriever;
        this.fetcher = fetcher;
        this.planner = planner;
        this.writer = writer;
        this.metrics = metrics;
        this.props = props;
    }

    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The server is stopping: leave the job to whichever instance claims it next. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** The state of one run of one job. */
    private final class Run {
        final ResearchJob job;
        final Viewer owner;
        final Map<String, ResearchStore.Step> finished;
        final int total;
        final List<String> problems = new ArrayList<>();
        final Set<String> seenUrls = new LinkedHashSet<>();
        final Set<UUID> documents = new LinkedHashSet<>();
        SearchProvider provider;
        int ordinal;

        Run(ResearchJob job) {
            this.job = job;
            this.owner = new Viewer(job.owner(), false);
            this.finished = store.steps(job.id());
            this.total = Steps.count(job.depth());
            for (ResearchSource s : store.sources(job.id(), 0)) {
                if (s.url() != null) seenUrls.add(s.url());
                if (s.usable()) documents.add(s.documentId());
            }
        }

        String collection() {
            return "research-" + job.id();
        }

        <T> T step(String name, Class<T> type, boolean mayFail, T onFailure, Callable<T> work) {
            ordinal++;
            ResearchStore.Step done = finished.get(name);
            if (done != null) return store.convert(done.output(), type);
            checkpoint();
            store.progress(job.id(), Steps.status(name), Math.min(99, 100 * finished.size() / total));
            long started = System.nanoTime();
            T output;
            Future<T> future = stepThreads.submit(MdcTaskDecorator.carry(work));
            try {
                output = future.get(props.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                output = failedStep(name, mayFail, onFailure, "did not finish within " + props.stepTimeout().toSeconds() + " s");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Cancelled c) throw c;
                log.warn("Research job {}: step {} failed", job.id(), name, e.getCause());
                output = failedStep(name, mayFail, onFailure, "failed (" + e.getCause().getClass().getSimpleName() + ": "
                        + e.getCause().getMessage() + ")");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new Interrupted();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            store.finishStep(job.id(), name, ordinal, output, millis);
            finished.put(name, new ResearchStore.Step(name, ordinal, null, millis, Instant.now()));
            return output;
        }

        private <T> T failedStep(String name, boolean mayFail, T onFailure, String what) {
            String message = "Step '" + name + "' " + what + ".";
            store.log(job.id(), message);
            if (!mayFail) throw new StepFailed(message);
            problems.add(message);
            return onFailure;
        }

        void checkpoint() {
            if (Thread.currentThread().isInterrupted()) throw new Interrupted();
            if (store.cancelRequested(job.id())) throw new Cancelled();
        }
    }

    /** Runs the job; returns the status it ended with. */
    String run(UUID id) {
        ResearchJob job = store.find(id).orElse(null);
        if (job == null || job.finished()) return job == null ? null : job.status();
        long started = System.nanoTime();
        Run run = new Run(job);
        try {
            if (job.attempts() > props.maxAttempts()) {
                throw new StepFailed("Gave up after " + props.maxAttempts() + " attempts: the server stopped while the job ran each time.");
            }
            if (job.attempts() > 1) store.log(id, "Resumed after a restart (attempt " + job.attempts() + "); " + run.finished.size() + " steps were already done.");
            run.provider = providers.forJob(job.provider());
            if (!run.provider.name().equals(job.provider())) store.provider(id, run.provider.name());
            Report report = pipeline(run);
            String reason = run.problems.isEmpty() ? null : String.join(" ", run.problems);
            store.finish(id, ResearchJob.DONE, reason, report);
            store.log(id, "Done: " + report.citedSentences() + " cited sentences from " + report.bibliography().size() + " sources, "
                    + report.unsupported() + " unsupported.");
            metrics.finished(ResearchJob.DONE, System.nanoTime() - started, report.supportRatio());
            return ResearchJob.DONE;
        } catch (Cancelled e) {
            store.finish(id, ResearchJob.CANCELLED, "Cancelled on request.", null);
            store.log(id, "Cancelled.");
            metrics.finished(ResearchJob.CANCELLED, System.nanoTime() - started, null);
            return ResearchJob.CANCELLED;
        } catch (Interrupted e) {
            store.releaseLease(id);
            log.info("Research job {} interrupted; it resumes where it stopped when claimed again", id);
            return job.status();
        } catch (StepFailed e) {
            store.finish(id, ResearchJob.FAILED, e.getMessage(), null);
            metrics.finished(ResearchJob.FAILED, System.nanoTime() - started, null);
            return ResearchJob.FAILED;
        }
    }

    private Report pipeline(Run run) {
        ResearchJob job = run.job;
        Steps.Plan plan = run.step(Steps.PLAN, Steps.Plan.class, false, null, () -> {
            Steps.Plan p = new Steps.Plan(planner.plan(job.question(), job.breadth()), planner.name());
            store.log(job.id(), "Planned " + p.subQuestions().size() + " sub-questions (" + p.planner() + ").");
            return p;
        });
        List<List<String>> rounds = new ArrayList<>(List.of(plan.subQuestions()));
        Steps.Read pinned = run.step(Steps.PINNED, Steps.Read.class, true, new Steps.Read(List.of(), List.of("pinned sources timed out")),
                () -> read(run, 0, job.sources().pinned().stream().map(u -> new SearchHit(u, null, null, null, null)).toList(), "pinned"));
        run.documents.addAll(pinned.documents());
        run.problems.addAll(pinned.failures());
        for (int round = 1; round <= rounds.size() && round <= job.depth(); round++) {
            int r = round;
            List<String> queries = rounds.get(round - 1);
            Steps.Hits hits = run.step(Steps.search(r), Steps.Hits.class, true, new Steps.Hits(List.of(), List.of()), () -> search(run, queries));
            run.problems.addAll(hits.failures());
            Steps.Read read = run.step(Steps.read(r), Steps.Read.class, true, new Steps.Read(List.of(), List.of()),
                    () -> read(run, r, hits.hits(), run.provider.name()));
            run.documents.addAll(read.documents());
            run.problems.addAll(read.failures());
            if (r < job.depth()) {
                Set<String> asked = new LinkedHashSet<>();
                rounds.forEach(asked::addAll);
                Steps.Reflect reflect = run.step(Steps.reflect(r), Steps.Reflect.class, true,
                        new Steps.Reflect(List.of(), List.of(), planner.name()), () -> reflect(run, queries, asked));
                if (reflect.next().isEmpty()) break;
                rounds.add(reflect.next());
            }
        }
        List<String> subQuestions = new ArrayList<>(new LinkedHashSet<>(rounds.stream().flatMap(List::stream).toList()));
        Report[] report = new Report[1];
        run.step(Steps.WRITE, Steps.Written.class, false, null, () -> {
            report[0] = write(run, subQuestions);
            Report rep = report[0];
            return new Steps.Written(rep.citedSentences(), rep.unsupported(), rep.supportRatio(), rep.sections().size());
        });
        if (report[0] == null) report[0] = write(run, subQuestions); // written before a restart but not stored with the job
        return report[0];
    }

    private Steps.Hits search(Run run, List<String> queries) {
        List<SearchHit> hits = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        SearchScope scope = new SearchScope(run.job.owner(), run.job.collection(), run.job.sources());
        for (String query : queries) {
            run.checkpoint();
            try {
                List<SearchHit> found = run.provider.search(query, scope, props.resultsPerQuery());
                hits.addAll(found);
                store.log(run.job.id(), "Searched " + run.provider.name() + " for \"" + query + "\": " + found.size() + " results.");
            } catch (SearchProvider.SearchException e) {
                failures.add("Search for \"" + query + "\" failed: " + e.getMessage() + ".");
                store.log(run.job.id(), "Search for \"" + query + "\" failed: " + e.getMessage() + ".");
            }
        }
        return new Steps.Hits(hits, failures);
    }

    private Steps.Read read(Run run, int round, List<SearchHit> hits, String provider) throws InterruptedException {
        List<SearchHit> fresh = new ArrayList<>();
        for (SearchHit hit : hits) {
            String key = hit.url() != null ? hit.url() : "doc:" + hit.documentId();
            if (hit.documentId() != null && run.documents.contains(hit.documentId())) continue;
            if (run.seenUrls.add(key)) fresh.add(hit);
        }
        List<UUID> documents = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(props.readThreads(), fresh.size())), daemon("research-read"));
        try {
            List<Future<ResearchSource>> results = new ArrayList<>();
            for (SearchHit hit : fresh) results.add(readers.submit(MdcTaskDecorator.carry(() -> readOne(run, round, hit, provider))));
            for (Future<ResearchSource> f : results) {
                try {
                    ResearchSource s = f.get();
                    if (s.usable()) documents.add(s.documentId());
                    if (ResearchSource.FAILED.equals(s.status())) failed.incrementAndGet();
                } catch (ExecutionException e) {
                    failed.incrementAndGet();
                    log.warn("Research job {}: reading failed", run.job.id(), e.getCause());
                }
            }
        } finally {
            readers.shutdownNow();
        }
        if (failed.get() > 0) failures.add(failed.get() + " of " + fresh.size() + " sources of " + (round == 0 ? "the pinned URLs" : "round " + round) + " could not be read.");
        return new Steps.Read(documents, failures);
    }

    private ResearchSource readOne(Run run, int round, SearchHit hit, String provider) {
        run.checkpoint();
        UUID job = run.job.id();
        if (hit.documentId() != null) {
            store.addSource(job, round, hit.url(), hit.title(), provider, hit.documentId(), ResearchSource.LIBRARY, null);
            store.log(job, "Found in the Library: " + hit.title());
            return new ResearchSource(0, round, hit.url(), hit.title(), provider, hit.documentId(), ResearchSource.LIBRARY, null, null);
        }
        String status;
        String reason = null;
        UUID documentId = null;
        String title = hit.title();
        try {
            if (!fetcher.robotsAllow(URI.create(hit.url()))) {
                status = ResearchSource.SKIPPED;
                reason = "robots.txt does not allow " + fetcher.userAgentToken() + " to read it";
            } else {
                Instant before = Instant.now();
                LibraryDocument doc = library.ingestUrlNow(run.owner, hit.url(), run.collection());
                if (doc.isReady()) {
                    documentId = doc.id();
                    title = doc.title();
                    status = doc.createdAt() != null && doc.createdAt().isBefore(before.minusSeconds(1)) ? ResearchSource.DUPLICATE : ResearchSource.READ;
                } else if (doc.duplicateOf() != null) {
                    documentId = doc.duplicateOf();
                    status = ResearchSource.DUPLICATE;
                    reason = doc.reason();
                } else {
                    status = ResearchSource.FAILED;
                    reason = doc.reason() != null ? doc.reason() : "ingestion ended as " + doc.status();
                }
            }
        } catch (FetchException | IllegalArgumentException e) {
            status = ResearchSource.FAILED;
            reason = e.getMessage();
        }
        if (title == null || title.isBlank()) title = hit.url();
        store.addSource(job, round, hit.url(), title, provider, documentId, status, reason);
        if (ResearchSource.READ.equals(status)) metrics.sourceFetched();
        store.log(job, switch (status) {
            case ResearchSource.READ -> "Read " + hit.url();
            case ResearchSource.DUPLICATE -> "Already in the Library: " + hit.url();
            case ResearchSource.SKIPPED -> "Skipped " + hit.url() + ": " + reason;
            default -> "Could not read " + hit.url() + ": " + reason;
        });
        return new ResearchSource(0, round, hit.url(), title, provider, documentId, status, reason, null);
    }

    private Steps.Reflect reflect(Run run, List<String> queries, Set<String> asked) {
        List<Coverage> coverage = new ArrayList<>();
        for (String q : queries) {
            run.checkpoint();
            List<Passage> best = evidence(run, q, 1);
            Double score = best.isEmpty() ? null : best.get(0).scores().vector();
            coverage.add(new Coverage(q, score == null ? 0 : score));
        }
        List<String> next = planner.reflect(run.job.question(), coverage, asked, run.job.breadth());
        long weak = coverage.stream().filter(Coverage::weak).count();
        store.log(run.job.id(), "Reflected: " + weak + " of " + coverage.size() + " sub-questions have weak evidence; "
                + next.size() + " new sub-questions.");
        return new Steps.Reflect(coverage.stream().map(c -> new Steps.CoverageItem(c.subQuestion(), round(c.evidence()))).toList(),
                next, planner.name());
    }

    private List<Passage> evidence(Run run, String query, int k) {
        if (run.documents.isEmpty()) return List.of();
        return retriever.retrieve(query, RetrievalFilter.visibleTo(run.owner).inDocuments(List.copyOf(run.documents)), k);
    }

    private Report write(Run run, List<String> subQuestions) {
        long started = System.nanoTime();
        List<ExtractiveReportWriter.SectionInput> sections = new ArrayList<>();
        for (String q : subQuestions) {
            run.checkpoint();
            List<Evidence> evidence = new ArrayList<>();
            for (Passage p : evidence(run, q, props.passagesPerSection())) {
                evidence.add(new Evidence(p.documentId().toString(), p.chunkId(), p.start(), p.end(), p.text(),
                        p.scores().vector() == null ? p.scores().fused() : p.scores().vector()));
            }
            sections.add(new ExtractiveReportWriter.SectionInput(q, evidence));
        }
        Map<String, Source> sources = new HashMap<>();
        for (ResearchSource s : store.sources(run.job.id(), 0)) {
            if (s.usable()) {
                sources.putIfAbsent(s.documentId().toString(), new Source(s.documentId().toString(), s.title(), s.url(),
                        s.readAt() == null ? null : s.readAt().toString()));
            }
        }
        long retrieved = System.nanoTime();
        Report report = writer.write(run.job.question(), sections, new LinkedHashMap<>(sources));
        log.info("Research job {}: retrieval for writing {} ms, writing {} ms (checking {} ms)", run.job.id(),
                (retrieved - started) / 1_000_000, (System.nanoTime() - retrieved) / 1_000_000, writer.lastCheckMillis);
        store.log(run.job.id(), "Wrote " + report.sections().size() + " sections; checked " + report.citedSentences()
                + " cited sentences against their passages.");
        return report;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** Loads the writer's models in the background. */
    void warmUp() {
        stepThreads.execute(() -> {
            try {
                writer.warmUp();
            } catch (RuntimeException e) {
                log.warn("Could not load the research writer's models: {}", e.getMessage());
            }
        });
    }

    void stop() {
        stepThreads.shutdownNow();
    }
}
