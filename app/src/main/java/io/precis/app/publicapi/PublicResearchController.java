package io.precis.app.publicapi;

import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;
import io.precis.app.library.Viewer;
import io.precis.app.research.ResearchFeedback;
import io.precis.app.research.ResearchJson;
import io.precis.app.research.ResearchRequest;
import io.precis.app.research.ResearchService;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Public research: start a job (counts against the client's bucket like a summary), follow it by polling
 * {@code GET /{id}} (a separate, larger bucket of reads), and give feedback on its report. Jobs belong to
 * {@value PublicApiController#OWNER}: only those are readable here (any other id is a 404), and with the Library
 * provider they read only that owner's documents. Smaller limits than the keyed API; no collection, source options
 * or provider of the caller's choosing.
 */
@RestController
@RequestMapping("/api/v1/public/research")
class PublicResearchController {
    private static final Viewer PUBLIC = new Viewer(PublicApiController.OWNER, false);

    /** What a public caller may ask; the other fields exist only to be refused with a clear message. */
    record PublicResearchRequest(String question, Integer depth, Integer breadth, Object collection, Object sources, Object provider) {
    }

    /** A thumb ({@code up}/{@code down}) or a rating (1–5) on a report, and an optional comment. */
    record ReportFeedback(String thumb, Integer rating, String comment) {
    }

    private final ResearchService research;
    private final PublicRateLimiter limiter;
    private final PublicRateLimiter reads;
    private final PublicApiProperties.Research limits;

    PublicResearchController(ResearchService research, PublicRateLimiter limiter,
                             @Qualifier("publicReadLimiter") PublicRateLimiter reads, PublicApiProperties props) {
        this.research = research;
        this.limiter = limiter;
        this.reads = reads;
        this.limits = props.research();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) PublicResearchRequest body, HttpServletRequest request) {
        limiter.acquire(request);
        if (body == null) throw Problems.badRequest("Send a JSON body with a 'question', and optionally 'depth' and 'breadth'.");
        if (body.collection() != null || body.sources() != null || body.provider() != null) {
            throw Problems.badRequest("The public site does not take 'collection', 'sources' or 'provider': send 'question', 'depth' and 'breadth'.");
        }
        String question = body.question() == null ? "" : body.question().strip();
        if (question.length() > limits.maxQuestionChars()) {
            throw Problems.badRequest("The question has " + question.length() + " characters; the public site takes up to "
                    + limits.maxQuestionChars() + ".");
        }
        int depth = body.depth() == null ? 1 : body.depth();
        int breadth = body.breadth() == null ? Math.min(2, limits.maxBreadth()) : body.breadth();
        if (depth < 1 || depth > limits.maxDepth()) {
            throw Problems.badRequest("'depth' must be between 1 and " + limits.maxDepth() + " on the public site, not " + depth + ".");
        }
        if (breadth < 1 || breadth > limits.maxBreadth()) {
            throw Problems.badRequest("'breadth' must be between 1 and " + limits.maxBreadth() + " on the public site, not " + breadth + ".");
        }
        var job = research.submit(PUBLIC, new ResearchRequest(question, depth, breadth, blankToNull(limits.collection()), null,
                limits.provider()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ResearchJson.summary(job));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable UUID id, HttpServletRequest request) {
        reads.acquire(request);
        return ResearchJson.details(research.details(id, PUBLIC));
    }

    @PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResearchFeedback> feedback(@PathVariable UUID id, @RequestBody(required = false) ReportFeedback body,
                                              HttpServletRequest request) {
        limiter.acquire(request);
        if (body == null) throw Problems.badRequest("Send a JSON body with a 'thumb' (\"up\" or \"down\") or a 'rating' (1-5).");
        return ResponseEntity.status(HttpStatus.CREATED).body(research.feedback(id, PUBLIC, body.rating(), body.thumb(), body.comment()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
