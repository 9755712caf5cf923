package io.precis.app.research;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.precis.admin.feedback.FeedbackService;
import io.precis.admin.web.Problems;
import io.precis.app.library.FetchException;
import io.precis.app.library.SafeFetcher;
import io.precis.app.library.Viewer;

/**
 * Research jobs for the API and the view: submitting (everything that can be checked without running the job is
 * checked here and answered with a 400 problem), reading, listing and cancelling. Jobs belong to whoever submitted
 * them; operators see everyone's.
 */
@Service
public class ResearchService {
    static final int MAX_QUESTION_CHARS = 2000;
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern COLLECTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,99}");
    private static final int MAX_DOMAINS = 50;

    private final ResearchStore store;
    private final ResearchWorkers workers;
    private final SafeFetcher fetcher;
    private final ResearchProperties props;
    private final SearchProviders providers;

    private final TransactionTemplate tx;

    ResearchService(ResearchStore store, ResearchWorkers workers, SafeFetcher fetcher, ResearchProperties props,
                    SearchProviders providers, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.providers = providers;
        this.store = store;
        this.workers = workers;
        this.fetcher = fetcher;
        this.props = props;
    }

    /** A job's stored state with its plan, sources and log, as the API and the view show it. */
    public record Details(ResearchJob job, List<Map<String, Object>> plan, List<ResearchSource> sources,
                          List<ResearchStore.LogLine> log, Map<String, Long> stepMillis) {
    }

    public ResearchJob submit(Viewer viewer, ResearchRequest request) {
        if (request == null) throw Problems.badRequest("Send a JSON body with 'question', 'depth' and 'breadth'.");
        String question = request.question() == null ? "" : request.question().strip();
        if (question.isEmpty()) throw Problems.badRequest("'question' is empty: say what to research.");
        if (question.length() > MAX_QUESTION_CHARS) {
            throw Problems.badRequest("'question' has " + question.length() + " characters; the limit is " + MAX_QUESTION_CHARS + ".");
        }
        int depth = request.depth() == null ? 2 : request.depth();
        int breadth = request.breadth() == null ? 3 : request.breadth();
        if (depth < 1 || depth > 4) throw Problems.badRequest("'depth' must be between 1 and 4, not " + depth + ".");
        if (breadth < 1 || breadth > 6) throw Problems.badRequest("'breadth' must be between 1 and 6, not " + breadth + ".");
        String collection = collection(request.collection());
        SourceOptions sources = sources(request.sources());
        String provider = request.provider() == null || request.provider().isBlank() ? providers.defaultName()
                : request.provider().strip().toLowerCase(Locale.ROOT);
        if (providers.byName(provider).isEmpty()) {
            throw Problems.badRequest("'provider' must be one of " + String.join(", ", providers.names()) + " (those configured), not '"
                    + request.provider() + "'.");
        }
        UUID id = UUID.randomUUID();
        String requestId = JobLogContext.submittingRequestId();
        // read back before commit, so that the answer shows the job as queued even when a worker claims it at once
        ResearchJob queued = tx.execute(s -> {
            store.insert(id, viewer.name(), question, depth, breadth, collection, sources, provider, requestId);
            store.log(id, requestId == null ? "Queued." : "Queued by request " + requestId + ".");
            return store.find(id).orElseThrow();
        });
        workers.wake();
        return queued;
    }

    public Optional<ResearchJob> find(UUID id, Viewer viewer) {
        return store.find(id).filter(j -> viewer.seesAll() || j.owner().equals(viewer.name()));
    }

    public Details details(UUID id, Viewer viewer) {
        ResearchJob job = find(id, viewer).orElseThrow(() -> Problems.notFound("research job", id));
        Map<String, ResearchStore.Step> steps = store.steps(id);
        List<Map<String, Object>> plan = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        steps.values().forEach(s -> millis.put(s.name(), s.millis()));
        ResearchStore.Step first = steps.get(Steps.PLAN);
        if (first != null) plan.add(round(1, store.convert(first.output(), Steps.Plan.class).subQuestions(), null));
        for (int r = 1; r < job.depth(); r++) {
            ResearchStore.Step reflect = steps.get(Steps.reflect(r));
            if (reflect == null) break;
            Steps.Reflect out = store.convert(reflect.output(), Steps.Reflect.class);
            plan.get(plan.size() - 1).put("coverage", out.coverage());
            if (!out.next().isEmpty()) plan.add(round(r + 1, out.next(), null));
        }
        return new Details(job, plan, store.sources(id, 0), store.log(id, 0), millis);
    }

    private static Map<String, Object> round(int round, List<String> subQuestions, Object coverage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", round);
        m.put("subQuestions", subQuestions);
        if (coverage != null) m.put("coverage", coverage);
        return m;
    }

    public List<ResearchJob> list(Viewer viewer, int limit) {
        return store.list(viewer.seesAll() ? null : viewer.name(), Math.max(1, Math.min(limit, 200)));
    }

    List<ResearchFeedback> feedback(UUID id) {
        return store.feedback(id);
    }

    /** Cancels the job; a finished job stays as it is. */
    public ResearchJob cancel(UUID id, Viewer viewer) {
        find(id, viewer).orElseThrow(() -> Problems.notFound("research job", id));
        store.requestCancel(id);
        store.log(id, "Cancellation requested.");
        return store.find(id).orElseThrow();
    }

    /**
     * Records a thumb or rating (and an optional comment) on the report of a job the viewer may see.
     *
     * @throws org.springframework.web.ErrorResponseException 400 for invalid feedback, 404 for a job not theirs,
     *         409 while the job has no report
     */
    public ResearchFeedback feedback(UUID id, Viewer viewer, Integer rating, String thumb, String comment) {
        ResearchJob job = find(id, viewer).orElseThrow(() -> Problems.notFound("research job", id));
        FeedbackService.Verdict v = FeedbackService.verdict(rating, thumb, comment);
        if (job.report() == null) {
            throw Problems.of(HttpStatus.CONFLICT, "Research job " + id + " has no report to judge yet: it is " + job.status() + ".");
        }
        return store.addFeedback(id, viewer.name(), v.rating(), v.thumb(), v.comment());
    }

    List<ResearchSource> sourcesAfter(UUID id, long afterId) {
        return store.sources(id, afterId);
    }

    List<ResearchStore.LogLine> logAfter(UUID id, long afterId) {
        return store.log(id, afterId);
    }

    Optional<ResearchJob> reload(UUID id) {
        return store.find(id);
    }

    private String collection(String collection) {
        if (collection == null || collection.isBlank()) return null;
        String c = collection.strip();
        if (!COLLECTION.matcher(c).matches()) {
            throw Problems.badRequest("'collection' must be 1 to 100 letters, digits, spaces or . _ : / -, starting with a letter or digit.");
        }
        return c;
    }

    private SourceOptions sources(SourceOptions in) {
        if (in == null) return SourceOptions.none();
        if (in.pinned().size() > props.maxPinned()) {
            throw Problems.badRequest("At most " + props.maxPinned() + " pinned URLs, not " + in.pinned().size() + ".");
        }
        List<String> pinned = new ArrayList<>();
        for (String url : in.pinned()) {
            if (url == null || url.isBlank()) throw Problems.badRequest("A pinned URL is empty.");
            try {
                pinned.add(fetcher.check(url.strip()).uri().toString());
            } catch (FetchException e) {
                throw Problems.badRequest("Pinned URL '" + url.strip() + "' cannot be read: " + e.getMessage());
            }
        }
        if (in.since() != null && in.since().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw Problems.badRequest("'since' (" + in.since() + ") is in the future.");
        }
        return new SourceOptions(pinned, domains(in.includeDomains(), "includeDomains"), domains(in.excludeDomains(), "excludeDomains"), in.since());
    }

    private static List<String> domains(List<String> domains, String field) {
        if (domains.size() > MAX_DOMAINS) throw Problems.badRequest("'" + field + "' may list at most " + MAX_DOMAINS + " domains.");
        List<String> out = new ArrayList<>();
        for (String d : domains) {
            String domain = d == null ? "" : d.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\*?\\.", "");
            if (!DOMAIN.matcher(domain).matches()) {
                throw Problems.badRequest("'" + field + "' must list domain names such as example.org, not '" + d + "'.");
            }
            out.add(domain);
        }
        return out;
    }
}
